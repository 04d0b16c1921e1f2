// Preloaded into a child server (`node --require exit-with-parent.cjs ...`, see prism.mjs) whose
// stdin is a pipe from the process that started it. When that pipe closes, the parent is gone
// (even killed with SIGKILL, which it cannot catch): the child then stops its whole process
// group (it is the group's leader when spawned detached), so nothing outlives the parent.
'use strict';

const stop = () => {
  try {
    process.kill(-process.pid, 'SIGTERM');
  } catch {
    // Not a group leader: stop this process alone.
  }
  process.exit(0);
};
process.stdin.on('end', stop);
process.stdin.on('close', stop);
process.stdin.on('error', stop);
process.stdin.resume();

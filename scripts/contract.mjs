#!/usr/bin/env node
// `npm run contract`: see scripts/contract/ (run.mjs is the runner; README "Verifying a live server").
import './contract/run.mjs';

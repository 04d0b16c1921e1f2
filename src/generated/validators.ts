// Generated from openapi/openapi.yaml by scripts/generate.mjs: do not edit.
// Change the spec, then run `npm run generate`.
// @ts-nocheck: ajv's standalone output is plain JavaScript.
/* eslint-disable */

/** One way the data differs from the schema, as ajv reports it. */
export interface ValidationErrorObject {
  instancePath: string;
  schemaPath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}

/** True when the data matches the schema; otherwise `errors` says where and why. */
export interface Validator {
  (data: unknown): boolean;
  errors?: ValidationErrorObject[] | null;
}

/** For each request body validator, what each field allows, in words, by JSON pointer (`*` for any array index). */
export const bodyRules: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  "NewPartnerReferralLink": {
    "": "an object",
    "/key": "a string of 1 to 64 characters: letters, digits, \"-\", \"_\" and \".\" only, and not \".\" or \"..\"",
    "/partner": "an object with at least one of id, key, email",
    "/partner/id": "a non-empty string",
    "/partner/key": "a non-empty string",
    "/partner/email": "a non-empty string",
    "/domain_id": "an integer, a string or null",
    "/is_additional": "true or false"
  },
  "ReferralLinkRename": {
    "": "an object",
    "/key": "a string of 1 to 64 characters: letters, digits, \"-\", \"_\" and \".\" only, and not \".\" or \"..\""
  },
  "NewCustomerReferralLink": {
    "": "an object",
    "/key": "a string of 1 to 64 characters: letters, digits, \"-\", \"_\" and \".\" only, and not \".\" or \"..\"",
    "/customer": "an object with at least one of id, key, email",
    "/customer/id": "a non-empty string",
    "/customer/key": "a non-empty string",
    "/customer/email": "a non-empty string",
    "/domain_id": "null",
    "/is_additional": "true or false"
  }
};

const NOT_URI_FRAGMENT = /\/|:/;
const URI = /^(?:[a-z][a-z0-9+\-.]*:)(?:\/?\/(?:(?:[a-z0-9\-._~!$&'()*+,;=:]|%[0-9a-f]{2})*@)?(?:\[(?:(?:(?:(?:[0-9a-f]{1,4}:){6}|::(?:[0-9a-f]{1,4}:){5}|(?:[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){4}|(?:(?:[0-9a-f]{1,4}:){0,1}[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){3}|(?:(?:[0-9a-f]{1,4}:){0,2}[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){2}|(?:(?:[0-9a-f]{1,4}:){0,3}[0-9a-f]{1,4})?::[0-9a-f]{1,4}:|(?:(?:[0-9a-f]{1,4}:){0,4}[0-9a-f]{1,4})?::)(?:[0-9a-f]{1,4}:[0-9a-f]{1,4}|(?:(?:25[0-5]|2[0-4]\d|[01]?\d\d?)\.){3}(?:25[0-5]|2[0-4]\d|[01]?\d\d?))|(?:(?:[0-9a-f]{1,4}:){0,5}[0-9a-f]{1,4})?::[0-9a-f]{1,4}|(?:(?:[0-9a-f]{1,4}:){0,6}[0-9a-f]{1,4})?::)|[Vv][0-9a-f]+\.[a-z0-9\-._~!$&'()*+,;=:]+)\]|(?:(?:25[0-5]|2[0-4]\d|[01]?\d\d?)\.){3}(?:25[0-5]|2[0-4]\d|[01]?\d\d?)|(?:[a-z0-9\-._~!$&'()*+,;=]|%[0-9a-f]{2})*)(?::\d*)?(?:\/(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*|\/(?:(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})+(?:\/(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*)?|(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})+(?:\/(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*)(?:\?(?:[a-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9a-f]{2})*)?(?:#(?:[a-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9a-f]{2})*)?$/i;
const formats = { uri: (s) => NOT_URI_FRAGMENT.test(s) && URI.test(s) };
"use strict";
export const DeleteResult: Validator = validate52;
const schema19 = {"type":"object","required":["status"],"properties":{"status":{"type":"integer","const":1,"enum":[1]},"message":{"type":"string"}}};

function validate52(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate52.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.status === undefined){
(vErrors ??= []).push({instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "status"},message:"must have required property '"+"status"+"'"});
errors++;
}
if(data.status !== undefined){
let data_status = data.status;
if(!(((typeof data_status == "number") && (!(data_status % 1) && !isNaN(data_status))) && (isFinite(data_status)))){
(vErrors ??= []).push({instancePath:instancePath+"/status",schemaPath:"#/properties/status/type",keyword:"type",params:{type: "integer"},message:"must be integer"});
errors++;
}
if(1 !== data_status){
(vErrors ??= []).push({instancePath:instancePath+"/status",schemaPath:"#/properties/status/const",keyword:"const",params:{allowedValue: 1},message:"must be equal to constant"});
errors++;
}
if(!(data_status === 1)){
(vErrors ??= []).push({instancePath:instancePath+"/status",schemaPath:"#/properties/status/enum",keyword:"enum",params:{allowedValues: schema19.properties.status.enum},message:"must be equal to one of the allowed values"});
errors++;
}
}
if(data.message !== undefined){
if(typeof data.message !== "string"){
(vErrors ??= []).push({instancePath:instancePath+"/message",schemaPath:"#/properties/message/type",keyword:"type",params:{type: "string"},message:"must be string"});
errors++;
}
}
}
else {
(vErrors ??= []).push({instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"});
errors++;
}
validate52.errors = vErrors;
return errors === 0;
}
validate52.evaluated = {"props":{"status":true,"message":true},"dynamicProps":false,"dynamicItems":false};

export const LinkDomainList: Validator = validate53;
const schema20 = {"type":"object","required":["data","status"],"properties":{"data":{"type":"array","items":{"$ref":"LinkDomain"}},"links":{"$ref":"PaginationLinks"},"meta":{"$ref":"PaginationMeta"},"status":{"type":"integer","const":1,"enum":[1]}}};
const schema21 = {"type":"object","required":["id","domain","url","is_additional"],"properties":{"id":{"type":["integer","null"]},"domain":{"type":"string"},"url":{"type":"string"},"is_additional":{"type":"boolean"}}};

function validate54(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate54.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.id === undefined){
(vErrors ??= []).push({instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "id"},message:"must have required property '"+"id"+"'"});
errors++;
}
if(data.domain === undefined){
(vErrors ??= []).push({instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "domain"},message:"must have required property '"+"domain"+"'"});
errors++;
}
if(data.url === undefined){
(vErrors ??= []).push({instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "url"},message:"must have required property '"+"url"+"'"});
errors++;
}
if(data.is_additional === undefined){
(vErrors ??= []).push({instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "is_additional"},message:"must have required property '"+"is_additional"+"'"});
errors++;
}
if(data.id !== undefined){
let data_id = data.id;
if((!(((typeof data_id == "number") && (!(data_id % 1) && !isNaN(data_id))) && (isFinite(data_id)))) && (data_id !== null)){
(vErrors ??= []).push({instancePath:instancePath+"/id",schemaPath:"#/properties/id/type",keyword:"type",params:{type: schema21.properties.id.type},message:"must be integer,null"});
errors++;
}
}
if(data.domain !== undefined){
if(typeof data.domain !== "string"){
(vErrors ??= []).push({instancePath:instancePath+"/domain",schemaPath:"#/properties/domain/type",keyword:"type",params:{type: "string"},message:"must be string"});
errors++;
}
}
if(data.url !== undefined){
if(typeof data.url !== "string"){
(vErrors ??= []).push({instancePath:instancePath+"/url",schemaPath:"#/properties/url/type",keyword:"type",params:{type: "string"},message:"must be string"});
errors++;
}
}
if(data.is_additional !== undefined){
if(typeof data.is_additional !== "boolean"){
(vErrors ??= []).push({instancePath:instancePath+"/is_additional",schemaPath:"#/properties/is_additional/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"});
errors++;
}
}
}
else {
(vErrors ??= []).push({instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"});
errors++;
}
validate54.errors = vErrors;
return errors === 0;
}
validate54.evaluated = {"props":{"id":true,"domain":true,"url":true,"is_additional":true},"dynamicProps":false,"dynamicItems":false};

const schema22 = {"type":"object","required":["first","last","prev","next"],"properties":{"first":{"type":["string","null"],"format":"uri"},"last":{"type":["string","null"],"format":"uri"},"prev":{"type":["string","null"],"format":"uri"},"next":{"type":["string","null"],"format":"uri"}}};
const formats0 = formats.uri;

function validate56(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate56.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.first === undefined){
(vErrors ??= []).push({instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "first"},message:"must have required property '"+"first"+"'"});
errors++;
}
if(data.last === undefined){
(vErrors ??= []).push({instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "last"},message:"must have required property '"+"last"+"'"});
errors++;
}
if(data.prev === undefined){
(vErrors ??= []).push({instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "prev"},message:"must have required property '"+"prev"+"'"});
errors++;
}
if(data.next === undefined){
(vErrors ??= []).push({instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "next"},message:"must have required property '"+"next"+"'"});
errors++;
}
if(data.first !== undefined){
let data_first = data.first;
if((typeof data_first !== "string") && (data_first !== null)){
(vErrors ??= []).push({instancePath:instancePath+"/first",schemaPath:"#/properties/first/type",keyword:"type",params:{type: schema22.properties.first.type},message:"must be string,null"});
errors++;
}
if(typeof data_first === "string"){
if(!(formats0(data_first))){
(vErrors ??= []).push({instancePath:instancePath+"/first",schemaPath:"#/properties/first/format",keyword:"format",params:{format: "uri"},message:"must match format \""+"uri"+"\""});
errors++;
}
}
}
if(data.last !== undefined){
let data_last = data.last;
if((typeof data_last !== "string") && (data_last !== null)){
(vErrors ??= []).push({instancePath:instancePath+"/last",schemaPath:"#/properties/last/type",keyword:"type",params:{type: schema22.properties.last.type},message:"must be string,null"});
errors++;
}
if(typeof data_last === "string"){
if(!(formats0(data_last))){
(vErrors ??= []).push({instancePath:instancePath+"/last",schemaPath:"#/properties/last/format",keyword:"format",params:{format: "uri"},message:"must match format \""+"uri"+"\""});
errors++;
}
}
}
if(data.prev !== undefined){
let data_prev = data.prev;
if((typeof data_prev !== "string") && (data_prev !== null)){
(vErrors ??= []).push({instancePath:instancePath+"/prev",schemaPath:"#/properties/prev/type",keyword:"type",params:{type: schema22.properties.prev.type},message:"must be string,null"});
errors++;
}
if(typeof data_prev === "string"){
if(!(formats0(data_prev))){
(vErrors ??= []).push({instancePath:instancePath+"/prev",schemaPath:"#/properties/prev/format",keyword:"format",params:{format: "uri"},message:"must match format \""+"uri"+"\""});
errors++;
}
}
}
if(data.next !== undefined){
let data_next = data.next;
if((typeof data_next !== "string") && (data_next !== null)){
(vErrors ??= []).push({instancePath:instancePath+"/next",schemaPath:"#/properties/next/type",keyword:"type",params:{type: schema22.properties.next.type},message:"must be string,null"});
errors++;
}
if(typeof data_next === "string"){
if(!(formats0(data_next))){
(vErrors ??= []).push({instancePath:instancePath+"/next",schemaPath:"#/properties/next/format",keyword:"format",params:{format: "uri"},message:"must match format \""+"uri"+"\""});
errors++;
}
}
}
}
else {
(vErrors ??= []).push({instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"});
errors++;
}
validate56.errors = vErrors;
return errors === 0;
}
validate56.evaluated = {"props":{"first":true,"last":true,"prev":true,"next":true},"dynamicProps":false,"dynamicItems":false};

const schema23 = {"type":"object","required":["current_page","from","to","per_page","path"],"properties":{"current_page":{"type":"integer","minimum":1},"from":{"type":["integer","null"],"minimum":1},"to":{"type":["integer","null"],"minimum":1},"per_page":{"type":"integer","minimum":1},"path":{"type":"string","format":"uri"}}};

function validate58(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate58.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.current_page === undefined){
(vErrors ??= []).push({instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "current_page"},message:"must have required property '"+"current_page"+"'"});
errors++;
}
if(data.from === undefined){
(vErrors ??= []).push({instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "from"},message:"must have required property '"+"from"+"'"});
errors++;
}
if(data.to === undefined){
(vErrors ??= []).push({instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "to"},message:"must have required property '"+"to"+"'"});
errors++;
}
if(data.per_page === undefined){
(vErrors ??= []).push({instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "per_page"},message:"must have required property '"+"per_page"+"'"});
errors++;
}
if(data.path === undefined){
(vErrors ??= []).push({instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "path"},message:"must have required property '"+"path"+"'"});
errors++;
}
if(data.current_page !== undefined){
let data_current_page = data.current_page;
if(!(((typeof data_current_page == "number") && (!(data_current_page % 1) && !isNaN(data_current_page))) && (isFinite(data_current_page)))){
(vErrors ??= []).push({instancePath:instancePath+"/current_page",schemaPath:"#/properties/current_page/type",keyword:"type",params:{type: "integer"},message:"must be integer"});
errors++;
}
if((typeof data_current_page == "number") && (isFinite(data_current_page))){
if(data_current_page < 1 || isNaN(data_current_page)){
(vErrors ??= []).push({instancePath:instancePath+"/current_page",schemaPath:"#/properties/current_page/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"});
errors++;
}
}
}
if(data.from !== undefined){
let data_from = data.from;
if((!(((typeof data_from == "number") && (!(data_from % 1) && !isNaN(data_from))) && (isFinite(data_from)))) && (data_from !== null)){
(vErrors ??= []).push({instancePath:instancePath+"/from",schemaPath:"#/properties/from/type",keyword:"type",params:{type: schema23.properties.from.type},message:"must be integer,null"});
errors++;
}
if((typeof data_from == "number") && (isFinite(data_from))){
if(data_from < 1 || isNaN(data_from)){
(vErrors ??= []).push({instancePath:instancePath+"/from",schemaPath:"#/properties/from/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"});
errors++;
}
}
}
if(data.to !== undefined){
let data_to = data.to;
if((!(((typeof data_to == "number") && (!(data_to % 1) && !isNaN(data_to))) && (isFinite(data_to)))) && (data_to !== null)){
(vErrors ??= []).push({instancePath:instancePath+"/to",schemaPath:"#/properties/to/type",keyword:"type",params:{type: schema23.properties.to.type},message:"must be integer,null"});
errors++;
}
if((typeof data_to == "number") && (isFinite(data_to))){
if(data_to < 1 || isNaN(data_to)){
(vErrors ??= []).push({instancePath:instancePath+"/to",schemaPath:"#/properties/to/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"});
errors++;
}
}
}
if(data.per_page !== undefined){
let data_per_page = data.per_page;
if(!(((typeof data_per_page == "number") && (!(data_per_page % 1) && !isNaN(data_per_page))) && (isFinite(data_per_page)))){
(vErrors ??= []).push({instancePath:instancePath+"/per_page",schemaPath:"#/properties/per_page/type",keyword:"type",params:{type: "integer"},message:"must be integer"});
errors++;
}
if((typeof data_per_page == "number") && (isFinite(data_per_page))){
if(data_per_page < 1 || isNaN(data_per_page)){
(vErrors ??= []).push({instancePath:instancePath+"/per_page",schemaPath:"#/properties/per_page/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"});
errors++;
}
}
}
if(data.path !== undefined){
let data_path = data.path;
if(typeof data_path === "string"){
if(!(formats0(data_path))){
(vErrors ??= []).push({instancePath:instancePath+"/path",schemaPath:"#/properties/path/format",keyword:"format",params:{format: "uri"},message:"must match format \""+"uri"+"\""});
errors++;
}
}
else {
(vErrors ??= []).push({instancePath:instancePath+"/path",schemaPath:"#/properties/path/type",keyword:"type",params:{type: "string"},message:"must be string"});
errors++;
}
}
}
else {
(vErrors ??= []).push({instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"});
errors++;
}
validate58.errors = vErrors;
return errors === 0;
}
validate58.evaluated = {"props":{"current_page":true,"from":true,"to":true,"per_page":true,"path":true},"dynamicProps":false,"dynamicItems":false};


function validate53(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate53.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.data === undefined){
(vErrors ??= []).push({instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "data"},message:"must have required property '"+"data"+"'"});
errors++;
}
if(data.status === undefined){
(vErrors ??= []).push({instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "status"},message:"must have required property '"+"status"+"'"});
errors++;
}
if(data.data !== undefined){
let data_data = data.data;
if(Array.isArray(data_data)){
const len0 = data_data.length;
for(let i0=0; i0<len0; i0++){
if(!(validate54(data_data[i0], {instancePath:instancePath+"/data/" + i0,parentData:data_data,parentDataProperty:i0,rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate54.errors : vErrors.concat(validate54.errors);
errors = vErrors.length;
}
}
}
else {
(vErrors ??= []).push({instancePath:instancePath+"/data",schemaPath:"#/properties/data/type",keyword:"type",params:{type: "array"},message:"must be array"});
errors++;
}
}
if(data.links !== undefined){
if(!(validate56(data.links, {instancePath:instancePath+"/links",parentData:data,parentDataProperty:"links",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate56.errors : vErrors.concat(validate56.errors);
errors = vErrors.length;
}
}
if(data.meta !== undefined){
if(!(validate58(data.meta, {instancePath:instancePath+"/meta",parentData:data,parentDataProperty:"meta",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate58.errors : vErrors.concat(validate58.errors);
errors = vErrors.length;
}
}
if(data.status !== undefined){
let data_status = data.status;
if(!(((typeof data_status == "number") && (!(data_status % 1) && !isNaN(data_status))) && (isFinite(data_status)))){
(vErrors ??= []).push({instancePath:instancePath+"/status",schemaPath:"#/properties/status/type",keyword:"type",params:{type: "integer"},message:"must be integer"});
errors++;
}
if(1 !== data_status){
(vErrors ??= []).push({instancePath:instancePath+"/status",schemaPath:"#/properties/status/const",keyword:"const",params:{allowedValue: 1},message:"must be equal to constant"});
errors++;
}
if(!(data_status === 1)){
(vErrors ??= []).push({instancePath:instancePath+"/status",schemaPath:"#/properties/status/enum",keyword:"enum",params:{allowedValues: schema20.properties.status.enum},message:"must be equal to one of the allowed values"});
errors++;
}
}
}
else {
(vErrors ??= []).push({instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"});
errors++;
}
validate53.errors = vErrors;
return errors === 0;
}
validate53.evaluated = {"props":{"data":true,"links":true,"meta":true,"status":true},"dynamicProps":false,"dynamicItems":false};

export const NewCustomerReferralLink: Validator = validate60;
const schema24 = {"type":"object","required":["key","customer"],"dependentRequired":{"domain_id":["is_additional"]},"properties":{"key":{"type":"string","minLength":1,"maxLength":64,"pattern":"^(?:[A-Za-z0-9_-][A-Za-z0-9_.-]{0,63}|\\.[A-Za-z0-9_-][A-Za-z0-9_.-]{0,62}|\\.\\.[A-Za-z0-9_.-]{1,62})$","not":{"enum":[".",".."]}},"customer":{"$ref":"CustomerReference"},"domain_id":{"type":"null"},"is_additional":{"type":"boolean"}}};
const func1 = ((s) => [...s].length);
const pattern3 = new RegExp("^(?:[A-Za-z0-9_-][A-Za-z0-9_.-]{0,63}|\\.[A-Za-z0-9_-][A-Za-z0-9_.-]{0,62}|\\.\\.[A-Za-z0-9_.-]{1,62})$", "u");
const schema25 = {"type":"object","anyOf":[{"type":"object","required":["id"],"properties":{"id":{"type":"string","minLength":1},"key":{"type":"string","minLength":1},"email":{"type":"string","minLength":1}}},{"type":"object","required":["key"],"properties":{"id":{"type":"string","minLength":1},"key":{"type":"string","minLength":1},"email":{"type":"string","minLength":1}}},{"type":"object","required":["email"],"properties":{"id":{"type":"string","minLength":1},"key":{"type":"string","minLength":1},"email":{"type":"string","minLength":1}}}]};

function validate61(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate61.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(!(data && typeof data == "object" && !Array.isArray(data))){
(vErrors ??= []).push({instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"});
errors++;
}
const _errs1 = errors;
let valid0 = false;
const _errs2 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.id === undefined){
(vErrors ??= []).push({instancePath,schemaPath:"#/anyOf/0/required",keyword:"required",params:{missingProperty: "id"},message:"must have required property '"+"id"+"'"});
errors++;
}
if(data.id !== undefined){
let data_id = data.id;
if(typeof data_id === "string"){
if(func1(data_id) < 1){
(vErrors ??= []).push({instancePath:instancePath+"/id",schemaPath:"#/anyOf/0/properties/id/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"});
errors++;
}
}
else {
(vErrors ??= []).push({instancePath:instancePath+"/id",schemaPath:"#/anyOf/0/properties/id/type",keyword:"type",params:{type: "string"},message:"must be string"});
errors++;
}
}
if(data.key !== undefined){
let data_key = data.key;
if(typeof data_key === "string"){
if(func1(data_key) < 1){
(vErrors ??= []).push({instancePath:instancePath+"/key",schemaPath:"#/anyOf/0/properties/key/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"});
errors++;
}
}
else {
(vErrors ??= []).push({instancePath:instancePath+"/key",schemaPath:"#/anyOf/0/properties/key/type",keyword:"type",params:{type: "string"},message:"must be string"});
errors++;
}
}
if(data.email !== undefined){
let data_email = data.email;
if(typeof data_email === "string"){
if(func1(data_email) < 1){
(vErrors ??= []).push({instancePath:instancePath+"/email",schemaPath:"#/anyOf/0/properties/email/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"});
errors++;
}
}
else {
(vErrors ??= []).push({instancePath:instancePath+"/email",schemaPath:"#/anyOf/0/properties/email/type",keyword:"type",params:{type: "string"},message:"must be string"});
errors++;
}
}
}
else {
(vErrors ??= []).push({instancePath,schemaPath:"#/anyOf/0/type",keyword:"type",params:{type: "object"},message:"must be object"});
errors++;
}
var _valid0 = _errs2 === errors;
valid0 = valid0 || _valid0;
if(_valid0){
var props0 = {};
props0.id = true;
props0.key = true;
props0.email = true;
}
const _errs10 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.key === undefined){
(vErrors ??= []).push({instancePath,schemaPath:"#/anyOf/1/required",keyword:"required",params:{missingProperty: "key"},message:"must have required property '"+"key"+"'"});
errors++;
}
if(data.id !== undefined){
let data3 = data.id;
if(typeof data3 === "string"){
if(func1(data3) < 1){
(vErrors ??= []).push({instancePath:instancePath+"/id",schemaPath:"#/anyOf/1/properties/id/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"});
errors++;
}
}
else {
(vErrors ??= []).push({instancePath:instancePath+"/id",schemaPath:"#/anyOf/1/properties/id/type",keyword:"type",params:{type: "string"},message:"must be string"});
errors++;
}
}
if(data.key !== undefined){
let data4 = data.key;
if(typeof data4 === "string"){
if(func1(data4) < 1){
(vErrors ??= []).push({instancePath:instancePath+"/key",schemaPath:"#/anyOf/1/properties/key/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"});
errors++;
}
}
else {
(vErrors ??= []).push({instancePath:instancePath+"/key",schemaPath:"#/anyOf/1/properties/key/type",keyword:"type",params:{type: "string"},message:"must be string"});
errors++;
}
}
if(data.email !== undefined){
let data5 = data.email;
if(typeof data5 === "string"){
if(func1(data5) < 1){
(vErrors ??= []).push({instancePath:instancePath+"/email",schemaPath:"#/anyOf/1/properties/email/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"});
errors++;
}
}
else {
(vErrors ??= []).push({instancePath:instancePath+"/email",schemaPath:"#/anyOf/1/properties/email/type",keyword:"type",params:{type: "string"},message:"must be string"});
errors++;
}
}
}
else {
(vErrors ??= []).push({instancePath,schemaPath:"#/anyOf/1/type",keyword:"type",params:{type: "object"},message:"must be object"});
errors++;
}
var _valid0 = _errs10 === errors;
valid0 = valid0 || _valid0;
if(_valid0){
if(props0 !== true){
props0 = props0 || {};
props0.id = true;
props0.key = true;
props0.email = true;
}
}
const _errs18 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.email === undefined){
(vErrors ??= []).push({instancePath,schemaPath:"#/anyOf/2/required",keyword:"required",params:{missingProperty: "email"},message:"must have required property '"+"email"+"'"});
errors++;
}
if(data.id !== undefined){
let data6 = data.id;
if(typeof data6 === "string"){
if(func1(data6) < 1){
(vErrors ??= []).push({instancePath:instancePath+"/id",schemaPath:"#/anyOf/2/properties/id/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"});
errors++;
}
}
else {
(vErrors ??= []).push({instancePath:instancePath+"/id",schemaPath:"#/anyOf/2/properties/id/type",keyword:"type",params:{type: "string"},message:"must be string"});
errors++;
}
}
if(data.key !== undefined){
let data7 = data.key;
if(typeof data7 === "string"){
if(func1(data7) < 1){
(vErrors ??= []).push({instancePath:instancePath+"/key",schemaPath:"#/anyOf/2/properties/key/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"});
errors++;
}
}
else {
(vErrors ??= []).push({instancePath:instancePath+"/key",schemaPath:"#/anyOf/2/properties/key/type",keyword:"type",params:{type: "string"},message:"must be string"});
errors++;
}
}
if(data.email !== undefined){
let data8 = data.email;
if(typeof data8 === "string"){
if(func1(data8) < 1){
(vErrors ??= []).push({instancePath:instancePath+"/email",schemaPath:"#/anyOf/2/properties/email/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"});
errors++;
}
}
else {
(vErrors ??= []).push({instancePath:instancePath+"/email",schemaPath:"#/anyOf/2/properties/email/type",keyword:"type",params:{type: "string"},message:"must be string"});
errors++;
}
}
}
else {
(vErrors ??= []).push({instancePath,schemaPath:"#/anyOf/2/type",keyword:"type",params:{type: "object"},message:"must be object"});
errors++;
}
var _valid0 = _errs18 === errors;
valid0 = valid0 || _valid0;
if(_valid0){
if(props0 !== true){
props0 = props0 || {};
props0.id = true;
props0.key = true;
props0.email = true;
}
}
if(!valid0){
(vErrors ??= []).push({instancePath,schemaPath:"#/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf"});
errors++;
}
else {
errors = _errs1;
if(vErrors !== null){
if(_errs1){
vErrors.length = _errs1;
}
else {
vErrors = null;
}
}
}
validate61.errors = vErrors;
evaluated0.props = props0;
return errors === 0;
}
validate61.evaluated = {"dynamicProps":true,"dynamicItems":false};


function validate60(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate60.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.key === undefined){
(vErrors ??= []).push({instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "key"},message:"must have required property '"+"key"+"'"});
errors++;
}
if(data.customer === undefined){
(vErrors ??= []).push({instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "customer"},message:"must have required property '"+"customer"+"'"});
errors++;
}
if(data.key !== undefined){
let data_key = data.key;
const _errs3 = errors;
const _errs4 = errors;
if(!((data_key === ".") || (data_key === ".."))){
(vErrors ??= []).push({});
errors++;
}
var valid1 = _errs4 === errors;
if(valid1){
(vErrors ??= []).push({instancePath:instancePath+"/key",schemaPath:"#/properties/key/not",keyword:"not",params:{},message:"must NOT be valid"});
errors++;
}
else {
errors = _errs3;
if(vErrors !== null){
if(_errs3){
vErrors.length = _errs3;
}
else {
vErrors = null;
}
}
}
if(typeof data_key === "string"){
if(func1(data_key) > 64){
(vErrors ??= []).push({instancePath:instancePath+"/key",schemaPath:"#/properties/key/maxLength",keyword:"maxLength",params:{limit: 64},message:"must NOT have more than 64 characters"});
errors++;
}
if(func1(data_key) < 1){
(vErrors ??= []).push({instancePath:instancePath+"/key",schemaPath:"#/properties/key/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"});
errors++;
}
if(!pattern3.test(data_key)){
(vErrors ??= []).push({instancePath:instancePath+"/key",schemaPath:"#/properties/key/pattern",keyword:"pattern",params:{pattern: "^(?:[A-Za-z0-9_-][A-Za-z0-9_.-]{0,63}|\\.[A-Za-z0-9_-][A-Za-z0-9_.-]{0,62}|\\.\\.[A-Za-z0-9_.-]{1,62})$"},message:"must match pattern \""+"^(?:[A-Za-z0-9_-][A-Za-z0-9_.-]{0,63}|\\.[A-Za-z0-9_-][A-Za-z0-9_.-]{0,62}|\\.\\.[A-Za-z0-9_.-]{1,62})$"+"\""});
errors++;
}
}
else {
(vErrors ??= []).push({instancePath:instancePath+"/key",schemaPath:"#/properties/key/type",keyword:"type",params:{type: "string"},message:"must be string"});
errors++;
}
}
if(data.customer !== undefined){
if(!(validate61(data.customer, {instancePath:instancePath+"/customer",parentData:data,parentDataProperty:"customer",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate61.errors : vErrors.concat(validate61.errors);
errors = vErrors.length;
}
}
if(data.domain_id !== undefined){
if(data.domain_id !== null){
(vErrors ??= []).push({instancePath:instancePath+"/domain_id",schemaPath:"#/properties/domain_id/type",keyword:"type",params:{type: "null"},message:"must be null"});
errors++;
}
}
if(data.is_additional !== undefined){
if(typeof data.is_additional !== "boolean"){
(vErrors ??= []).push({instancePath:instancePath+"/is_additional",schemaPath:"#/properties/is_additional/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"});
errors++;
}
}
if(data.domain_id !== undefined){
if(data.is_additional === undefined){
(vErrors ??= []).push({instancePath,schemaPath:"#/dependentRequired",keyword:"dependentRequired",params:{property: "domain_id",
    missingProperty: "is_additional",
    depsCount: 1,
    deps: "is_additional"},message:"must have property is_additional when property domain_id is present"});
errors++;
}
}
}
else {
(vErrors ??= []).push({instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"});
errors++;
}
validate60.errors = vErrors;
return errors === 0;
}
validate60.evaluated = {"props":{"key":true,"customer":true,"domain_id":true,"is_additional":true},"dynamicProps":false,"dynamicItems":false};

export const NewPartnerReferralLink: Validator = validate63;
const schema26 = {"type":"object","required":["key","partner"],"dependentRequired":{"domain_id":["is_additional"]},"properties":{"key":{"type":"string","minLength":1,"maxLength":64,"pattern":"^(?:[A-Za-z0-9_-][A-Za-z0-9_.-]{0,63}|\\.[A-Za-z0-9_-][A-Za-z0-9_.-]{0,62}|\\.\\.[A-Za-z0-9_.-]{1,62})$","not":{"enum":[".",".."]}},"partner":{"$ref":"PartnerReference"},"domain_id":{"anyOf":[{"type":"integer"},{"type":"string"},{"type":"null"}]},"is_additional":{"type":"boolean"}}};
const schema27 = {"type":"object","anyOf":[{"type":"object","required":["id"],"properties":{"id":{"type":"string","minLength":1},"key":{"type":"string","minLength":1},"email":{"type":"string","minLength":1}}},{"type":"object","required":["key"],"properties":{"id":{"type":"string","minLength":1},"key":{"type":"string","minLength":1},"email":{"type":"string","minLength":1}}},{"type":"object","required":["email"],"properties":{"id":{"type":"string","minLength":1},"key":{"type":"string","minLength":1},"email":{"type":"string","minLength":1}}}]};

function validate64(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate64.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(!(data && typeof data == "object" && !Array.isArray(data))){
(vErrors ??= []).push({instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"});
errors++;
}
const _errs1 = errors;
let valid0 = false;
const _errs2 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.id === undefined){
(vErrors ??= []).push({instancePath,schemaPath:"#/anyOf/0/required",keyword:"required",params:{missingProperty: "id"},message:"must have required property '"+"id"+"'"});
errors++;
}
if(data.id !== undefined){
let data_id = data.id;
if(typeof data_id === "string"){
if(func1(data_id) < 1){
(vErrors ??= []).push({instancePath:instancePath+"/id",schemaPath:"#/anyOf/0/properties/id/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"});
errors++;
}
}
else {
(vErrors ??= []).push({instancePath:instancePath+"/id",schemaPath:"#/anyOf/0/properties/id/type",keyword:"type",params:{type: "string"},message:"must be string"});
errors++;
}
}
if(data.key !== undefined){
let data_key = data.key;
if(typeof data_key === "string"){
if(func1(data_key) < 1){
(vErrors ??= []).push({instancePath:instancePath+"/key",schemaPath:"#/anyOf/0/properties/key/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"});
errors++;
}
}
else {
(vErrors ??= []).push({instancePath:instancePath+"/key",schemaPath:"#/anyOf/0/properties/key/type",keyword:"type",params:{type: "string"},message:"must be string"});
errors++;
}
}
if(data.email !== undefined){
let data_email = data.email;
if(typeof data_email === "string"){
if(func1(data_email) < 1){
(vErrors ??= []).push({instancePath:instancePath+"/email",schemaPath:"#/anyOf/0/properties/email/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"});
errors++;
}
}
else {
(vErrors ??= []).push({instancePath:instancePath+"/email",schemaPath:"#/anyOf/0/properties/email/type",keyword:"type",params:{type: "string"},message:"must be string"});
errors++;
}
}
}
else {
(vErrors ??= []).push({instancePath,schemaPath:"#/anyOf/0/type",keyword:"type",params:{type: "object"},message:"must be object"});
errors++;
}
var _valid0 = _errs2 === errors;
valid0 = valid0 || _valid0;
if(_valid0){
var props0 = {};
props0.id = true;
props0.key = true;
props0.email = true;
}
const _errs10 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.key === undefined){
(vErrors ??= []).push({instancePath,schemaPath:"#/anyOf/1/required",keyword:"required",params:{missingProperty: "key"},message:"must have required property '"+"key"+"'"});
errors++;
}
if(data.id !== undefined){
let data3 = data.id;
if(typeof data3 === "string"){
if(func1(data3) < 1){
(vErrors ??= []).push({instancePath:instancePath+"/id",schemaPath:"#/anyOf/1/properties/id/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"});
errors++;
}
}
else {
(vErrors ??= []).push({instancePath:instancePath+"/id",schemaPath:"#/anyOf/1/properties/id/type",keyword:"type",params:{type: "string"},message:"must be string"});
errors++;
}
}
if(data.key !== undefined){
let data4 = data.key;
if(typeof data4 === "string"){
if(func1(data4) < 1){
(vErrors ??= []).push({instancePath:instancePath+"/key",schemaPath:"#/anyOf/1/properties/key/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"});
errors++;
}
}
else {
(vErrors ??= []).push({instancePath:instancePath+"/key",schemaPath:"#/anyOf/1/properties/key/type",keyword:"type",params:{type: "string"},message:"must be string"});
errors++;
}
}
if(data.email !== undefined){
let data5 = data.email;
if(typeof data5 === "string"){
if(func1(data5) < 1){
(vErrors ??= []).push({instancePath:instancePath+"/email",schemaPath:"#/anyOf/1/properties/email/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"});
errors++;
}
}
else {
(vErrors ??= []).push({instancePath:instancePath+"/email",schemaPath:"#/anyOf/1/properties/email/type",keyword:"type",params:{type: "string"},message:"must be string"});
errors++;
}
}
}
else {
(vErrors ??= []).push({instancePath,schemaPath:"#/anyOf/1/type",keyword:"type",params:{type: "object"},message:"must be object"});
errors++;
}
var _valid0 = _errs10 === errors;
valid0 = valid0 || _valid0;
if(_valid0){
if(props0 !== true){
props0 = props0 || {};
props0.id = true;
props0.key = true;
props0.email = true;
}
}
const _errs18 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.email === undefined){
(vErrors ??= []).push({instancePath,schemaPath:"#/anyOf/2/required",keyword:"required",params:{missingProperty: "email"},message:"must have required property '"+"email"+"'"});
errors++;
}
if(data.id !== undefined){
let data6 = data.id;
if(typeof data6 === "string"){
if(func1(data6) < 1){
(vErrors ??= []).push({instancePath:instancePath+"/id",schemaPath:"#/anyOf/2/properties/id/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"});
errors++;
}
}
else {
(vErrors ??= []).push({instancePath:instancePath+"/id",schemaPath:"#/anyOf/2/properties/id/type",keyword:"type",params:{type: "string"},message:"must be string"});
errors++;
}
}
if(data.key !== undefined){
let data7 = data.key;
if(typeof data7 === "string"){
if(func1(data7) < 1){
(vErrors ??= []).push({instancePath:instancePath+"/key",schemaPath:"#/anyOf/2/properties/key/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"});
errors++;
}
}
else {
(vErrors ??= []).push({instancePath:instancePath+"/key",schemaPath:"#/anyOf/2/properties/key/type",keyword:"type",params:{type: "string"},message:"must be string"});
errors++;
}
}
if(data.email !== undefined){
let data8 = data.email;
if(typeof data8 === "string"){
if(func1(data8) < 1){
(vErrors ??= []).push({instancePath:instancePath+"/email",schemaPath:"#/anyOf/2/properties/email/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"});
errors++;
}
}
else {
(vErrors ??= []).push({instancePath:instancePath+"/email",schemaPath:"#/anyOf/2/properties/email/type",keyword:"type",params:{type: "string"},message:"must be string"});
errors++;
}
}
}
else {
(vErrors ??= []).push({instancePath,schemaPath:"#/anyOf/2/type",keyword:"type",params:{type: "object"},message:"must be object"});
errors++;
}
var _valid0 = _errs18 === errors;
valid0 = valid0 || _valid0;
if(_valid0){
if(props0 !== true){
props0 = props0 || {};
props0.id = true;
props0.key = true;
props0.email = true;
}
}
if(!valid0){
(vErrors ??= []).push({instancePath,schemaPath:"#/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf"});
errors++;
}
else {
errors = _errs1;
if(vErrors !== null){
if(_errs1){
vErrors.length = _errs1;
}
else {
vErrors = null;
}
}
}
validate64.errors = vErrors;
evaluated0.props = props0;
return errors === 0;
}
validate64.evaluated = {"dynamicProps":true,"dynamicItems":false};


function validate63(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate63.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.key === undefined){
(vErrors ??= []).push({instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "key"},message:"must have required property '"+"key"+"'"});
errors++;
}
if(data.partner === undefined){
(vErrors ??= []).push({instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "partner"},message:"must have required property '"+"partner"+"'"});
errors++;
}
if(data.key !== undefined){
let data_key = data.key;
const _errs3 = errors;
const _errs4 = errors;
if(!((data_key === ".") || (data_key === ".."))){
(vErrors ??= []).push({});
errors++;
}
var valid1 = _errs4 === errors;
if(valid1){
(vErrors ??= []).push({instancePath:instancePath+"/key",schemaPath:"#/properties/key/not",keyword:"not",params:{},message:"must NOT be valid"});
errors++;
}
else {
errors = _errs3;
if(vErrors !== null){
if(_errs3){
vErrors.length = _errs3;
}
else {
vErrors = null;
}
}
}
if(typeof data_key === "string"){
if(func1(data_key) > 64){
(vErrors ??= []).push({instancePath:instancePath+"/key",schemaPath:"#/properties/key/maxLength",keyword:"maxLength",params:{limit: 64},message:"must NOT have more than 64 characters"});
errors++;
}
if(func1(data_key) < 1){
(vErrors ??= []).push({instancePath:instancePath+"/key",schemaPath:"#/properties/key/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"});
errors++;
}
if(!pattern3.test(data_key)){
(vErrors ??= []).push({instancePath:instancePath+"/key",schemaPath:"#/properties/key/pattern",keyword:"pattern",params:{pattern: "^(?:[A-Za-z0-9_-][A-Za-z0-9_.-]{0,63}|\\.[A-Za-z0-9_-][A-Za-z0-9_.-]{0,62}|\\.\\.[A-Za-z0-9_.-]{1,62})$"},message:"must match pattern \""+"^(?:[A-Za-z0-9_-][A-Za-z0-9_.-]{0,63}|\\.[A-Za-z0-9_-][A-Za-z0-9_.-]{0,62}|\\.\\.[A-Za-z0-9_.-]{1,62})$"+"\""});
errors++;
}
}
else {
(vErrors ??= []).push({instancePath:instancePath+"/key",schemaPath:"#/properties/key/type",keyword:"type",params:{type: "string"},message:"must be string"});
errors++;
}
}
if(data.partner !== undefined){
if(!(validate64(data.partner, {instancePath:instancePath+"/partner",parentData:data,parentDataProperty:"partner",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate64.errors : vErrors.concat(validate64.errors);
errors = vErrors.length;
}
}
if(data.domain_id !== undefined){
let data_domain_id = data.domain_id;
const _errs7 = errors;
let valid2 = false;
const _errs8 = errors;
if(!(((typeof data_domain_id == "number") && (!(data_domain_id % 1) && !isNaN(data_domain_id))) && (isFinite(data_domain_id)))){
(vErrors ??= []).push({instancePath:instancePath+"/domain_id",schemaPath:"#/properties/domain_id/anyOf/0/type",keyword:"type",params:{type: "integer"},message:"must be integer"});
errors++;
}
var _valid0 = _errs8 === errors;
valid2 = valid2 || _valid0;
const _errs10 = errors;
if(typeof data_domain_id !== "string"){
(vErrors ??= []).push({instancePath:instancePath+"/domain_id",schemaPath:"#/properties/domain_id/anyOf/1/type",keyword:"type",params:{type: "string"},message:"must be string"});
errors++;
}
var _valid0 = _errs10 === errors;
valid2 = valid2 || _valid0;
const _errs12 = errors;
if(data_domain_id !== null){
(vErrors ??= []).push({instancePath:instancePath+"/domain_id",schemaPath:"#/properties/domain_id/anyOf/2/type",keyword:"type",params:{type: "null"},message:"must be null"});
errors++;
}
var _valid0 = _errs12 === errors;
valid2 = valid2 || _valid0;
if(!valid2){
(vErrors ??= []).push({instancePath:instancePath+"/domain_id",schemaPath:"#/properties/domain_id/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf"});
errors++;
}
else {
errors = _errs7;
if(vErrors !== null){
if(_errs7){
vErrors.length = _errs7;
}
else {
vErrors = null;
}
}
}
}
if(data.is_additional !== undefined){
if(typeof data.is_additional !== "boolean"){
(vErrors ??= []).push({instancePath:instancePath+"/is_additional",schemaPath:"#/properties/is_additional/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"});
errors++;
}
}
if(data.domain_id !== undefined){
if(data.is_additional === undefined){
(vErrors ??= []).push({instancePath,schemaPath:"#/dependentRequired",keyword:"dependentRequired",params:{property: "domain_id",
    missingProperty: "is_additional",
    depsCount: 1,
    deps: "is_additional"},message:"must have property is_additional when property domain_id is present"});
errors++;
}
}
}
else {
(vErrors ??= []).push({instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"});
errors++;
}
validate63.errors = vErrors;
return errors === 0;
}
validate63.evaluated = {"props":{"key":true,"partner":true,"domain_id":true,"is_additional":true},"dynamicProps":false,"dynamicItems":false};

export const ReferralLinkList: Validator = validate66;
const schema28 = {"type":"object","required":["data","status"],"properties":{"data":{"type":"array","items":{"$ref":"ReferralLink"}},"links":{"$ref":"PaginationLinks"},"meta":{"$ref":"PaginationMeta"},"status":{"type":"integer","const":1,"enum":[1]}}};
const schema29 = {"type":"object","required":["id","key","url","default","is_additional","direct_tracking","direct_tracking_redirect","direct_tracking_redirect_url"],"properties":{"id":{"type":"string","minLength":1},"key":{"type":"string","minLength":1},"url":{"type":"string","format":"uri","minLength":1},"default":{"type":"boolean"},"is_additional":{"type":"boolean"},"direct_tracking":{"type":"boolean"},"direct_tracking_redirect":{"type":"boolean"},"direct_tracking_redirect_url":{"type":["string","null"]}}};

function validate67(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate67.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.id === undefined){
(vErrors ??= []).push({instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "id"},message:"must have required property '"+"id"+"'"});
errors++;
}
if(data.key === undefined){
(vErrors ??= []).push({instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "key"},message:"must have required property '"+"key"+"'"});
errors++;
}
if(data.url === undefined){
(vErrors ??= []).push({instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "url"},message:"must have required property '"+"url"+"'"});
errors++;
}
if(data.default === undefined){
(vErrors ??= []).push({instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "default"},message:"must have required property '"+"default"+"'"});
errors++;
}
if(data.is_additional === undefined){
(vErrors ??= []).push({instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "is_additional"},message:"must have required property '"+"is_additional"+"'"});
errors++;
}
if(data.direct_tracking === undefined){
(vErrors ??= []).push({instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "direct_tracking"},message:"must have required property '"+"direct_tracking"+"'"});
errors++;
}
if(data.direct_tracking_redirect === undefined){
(vErrors ??= []).push({instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "direct_tracking_redirect"},message:"must have required property '"+"direct_tracking_redirect"+"'"});
errors++;
}
if(data.direct_tracking_redirect_url === undefined){
(vErrors ??= []).push({instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "direct_tracking_redirect_url"},message:"must have required property '"+"direct_tracking_redirect_url"+"'"});
errors++;
}
if(data.id !== undefined){
let data_id = data.id;
if(typeof data_id === "string"){
if(func1(data_id) < 1){
(vErrors ??= []).push({instancePath:instancePath+"/id",schemaPath:"#/properties/id/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"});
errors++;
}
}
else {
(vErrors ??= []).push({instancePath:instancePath+"/id",schemaPath:"#/properties/id/type",keyword:"type",params:{type: "string"},message:"must be string"});
errors++;
}
}
if(data.key !== undefined){
let data_key = data.key;
if(typeof data_key === "string"){
if(func1(data_key) < 1){
(vErrors ??= []).push({instancePath:instancePath+"/key",schemaPath:"#/properties/key/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"});
errors++;
}
}
else {
(vErrors ??= []).push({instancePath:instancePath+"/key",schemaPath:"#/properties/key/type",keyword:"type",params:{type: "string"},message:"must be string"});
errors++;
}
}
if(data.url !== undefined){
let data_url = data.url;
if(typeof data_url === "string"){
if(func1(data_url) < 1){
(vErrors ??= []).push({instancePath:instancePath+"/url",schemaPath:"#/properties/url/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"});
errors++;
}
if(!(formats0(data_url))){
(vErrors ??= []).push({instancePath:instancePath+"/url",schemaPath:"#/properties/url/format",keyword:"format",params:{format: "uri"},message:"must match format \""+"uri"+"\""});
errors++;
}
}
else {
(vErrors ??= []).push({instancePath:instancePath+"/url",schemaPath:"#/properties/url/type",keyword:"type",params:{type: "string"},message:"must be string"});
errors++;
}
}
if(data.default !== undefined){
if(typeof data.default !== "boolean"){
(vErrors ??= []).push({instancePath:instancePath+"/default",schemaPath:"#/properties/default/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"});
errors++;
}
}
if(data.is_additional !== undefined){
if(typeof data.is_additional !== "boolean"){
(vErrors ??= []).push({instancePath:instancePath+"/is_additional",schemaPath:"#/properties/is_additional/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"});
errors++;
}
}
if(data.direct_tracking !== undefined){
if(typeof data.direct_tracking !== "boolean"){
(vErrors ??= []).push({instancePath:instancePath+"/direct_tracking",schemaPath:"#/properties/direct_tracking/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"});
errors++;
}
}
if(data.direct_tracking_redirect !== undefined){
if(typeof data.direct_tracking_redirect !== "boolean"){
(vErrors ??= []).push({instancePath:instancePath+"/direct_tracking_redirect",schemaPath:"#/properties/direct_tracking_redirect/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"});
errors++;
}
}
if(data.direct_tracking_redirect_url !== undefined){
let data_direct_tracking_redirect_url = data.direct_tracking_redirect_url;
if((typeof data_direct_tracking_redirect_url !== "string") && (data_direct_tracking_redirect_url !== null)){
(vErrors ??= []).push({instancePath:instancePath+"/direct_tracking_redirect_url",schemaPath:"#/properties/direct_tracking_redirect_url/type",keyword:"type",params:{type: schema29.properties.direct_tracking_redirect_url.type},message:"must be string,null"});
errors++;
}
}
}
else {
(vErrors ??= []).push({instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"});
errors++;
}
validate67.errors = vErrors;
return errors === 0;
}
validate67.evaluated = {"props":{"id":true,"key":true,"url":true,"default":true,"is_additional":true,"direct_tracking":true,"direct_tracking_redirect":true,"direct_tracking_redirect_url":true},"dynamicProps":false,"dynamicItems":false};


function validate66(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate66.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.data === undefined){
(vErrors ??= []).push({instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "data"},message:"must have required property '"+"data"+"'"});
errors++;
}
if(data.status === undefined){
(vErrors ??= []).push({instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "status"},message:"must have required property '"+"status"+"'"});
errors++;
}
if(data.data !== undefined){
let data_data = data.data;
if(Array.isArray(data_data)){
const len0 = data_data.length;
for(let i0=0; i0<len0; i0++){
if(!(validate67(data_data[i0], {instancePath:instancePath+"/data/" + i0,parentData:data_data,parentDataProperty:i0,rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate67.errors : vErrors.concat(validate67.errors);
errors = vErrors.length;
}
}
}
else {
(vErrors ??= []).push({instancePath:instancePath+"/data",schemaPath:"#/properties/data/type",keyword:"type",params:{type: "array"},message:"must be array"});
errors++;
}
}
if(data.links !== undefined){
if(!(validate56(data.links, {instancePath:instancePath+"/links",parentData:data,parentDataProperty:"links",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate56.errors : vErrors.concat(validate56.errors);
errors = vErrors.length;
}
}
if(data.meta !== undefined){
if(!(validate58(data.meta, {instancePath:instancePath+"/meta",parentData:data,parentDataProperty:"meta",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate58.errors : vErrors.concat(validate58.errors);
errors = vErrors.length;
}
}
if(data.status !== undefined){
let data_status = data.status;
if(!(((typeof data_status == "number") && (!(data_status % 1) && !isNaN(data_status))) && (isFinite(data_status)))){
(vErrors ??= []).push({instancePath:instancePath+"/status",schemaPath:"#/properties/status/type",keyword:"type",params:{type: "integer"},message:"must be integer"});
errors++;
}
if(1 !== data_status){
(vErrors ??= []).push({instancePath:instancePath+"/status",schemaPath:"#/properties/status/const",keyword:"const",params:{allowedValue: 1},message:"must be equal to constant"});
errors++;
}
if(!(data_status === 1)){
(vErrors ??= []).push({instancePath:instancePath+"/status",schemaPath:"#/properties/status/enum",keyword:"enum",params:{allowedValues: schema28.properties.status.enum},message:"must be equal to one of the allowed values"});
errors++;
}
}
}
else {
(vErrors ??= []).push({instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"});
errors++;
}
validate66.errors = vErrors;
return errors === 0;
}
validate66.evaluated = {"props":{"data":true,"links":true,"meta":true,"status":true},"dynamicProps":false,"dynamicItems":false};

export const ReferralLinkRename: Validator = validate71;
const schema30 = {"type":"object","required":["key"],"properties":{"key":{"type":"string","minLength":1,"maxLength":64,"pattern":"^(?:[A-Za-z0-9_-][A-Za-z0-9_.-]{0,63}|\\.[A-Za-z0-9_-][A-Za-z0-9_.-]{0,62}|\\.\\.[A-Za-z0-9_.-]{1,62})$","not":{"enum":[".",".."]}}}};

function validate71(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate71.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.key === undefined){
(vErrors ??= []).push({instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "key"},message:"must have required property '"+"key"+"'"});
errors++;
}
if(data.key !== undefined){
let data_key = data.key;
const _errs3 = errors;
const _errs4 = errors;
if(!((data_key === ".") || (data_key === ".."))){
(vErrors ??= []).push({});
errors++;
}
var valid1 = _errs4 === errors;
if(valid1){
(vErrors ??= []).push({instancePath:instancePath+"/key",schemaPath:"#/properties/key/not",keyword:"not",params:{},message:"must NOT be valid"});
errors++;
}
else {
errors = _errs3;
if(vErrors !== null){
if(_errs3){
vErrors.length = _errs3;
}
else {
vErrors = null;
}
}
}
if(typeof data_key === "string"){
if(func1(data_key) > 64){
(vErrors ??= []).push({instancePath:instancePath+"/key",schemaPath:"#/properties/key/maxLength",keyword:"maxLength",params:{limit: 64},message:"must NOT have more than 64 characters"});
errors++;
}
if(func1(data_key) < 1){
(vErrors ??= []).push({instancePath:instancePath+"/key",schemaPath:"#/properties/key/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"});
errors++;
}
if(!pattern3.test(data_key)){
(vErrors ??= []).push({instancePath:instancePath+"/key",schemaPath:"#/properties/key/pattern",keyword:"pattern",params:{pattern: "^(?:[A-Za-z0-9_-][A-Za-z0-9_.-]{0,63}|\\.[A-Za-z0-9_-][A-Za-z0-9_.-]{0,62}|\\.\\.[A-Za-z0-9_.-]{1,62})$"},message:"must match pattern \""+"^(?:[A-Za-z0-9_-][A-Za-z0-9_.-]{0,63}|\\.[A-Za-z0-9_-][A-Za-z0-9_.-]{0,62}|\\.\\.[A-Za-z0-9_.-]{1,62})$"+"\""});
errors++;
}
}
else {
(vErrors ??= []).push({instancePath:instancePath+"/key",schemaPath:"#/properties/key/type",keyword:"type",params:{type: "string"},message:"must be string"});
errors++;
}
}
}
else {
(vErrors ??= []).push({instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"});
errors++;
}
validate71.errors = vErrors;
return errors === 0;
}
validate71.evaluated = {"props":{"key":true},"dynamicProps":false,"dynamicItems":false};

export const ReferralLinkResponse: Validator = validate72;
const schema31 = {"type":"object","required":["data","status"],"properties":{"data":{"$ref":"ReferralLink"},"status":{"type":"integer","const":1,"enum":[1]}}};

function validate72(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate72.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.data === undefined){
(vErrors ??= []).push({instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "data"},message:"must have required property '"+"data"+"'"});
errors++;
}
if(data.status === undefined){
(vErrors ??= []).push({instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "status"},message:"must have required property '"+"status"+"'"});
errors++;
}
if(data.data !== undefined){
if(!(validate67(data.data, {instancePath:instancePath+"/data",parentData:data,parentDataProperty:"data",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate67.errors : vErrors.concat(validate67.errors);
errors = vErrors.length;
}
}
if(data.status !== undefined){
let data_status = data.status;
if(!(((typeof data_status == "number") && (!(data_status % 1) && !isNaN(data_status))) && (isFinite(data_status)))){
(vErrors ??= []).push({instancePath:instancePath+"/status",schemaPath:"#/properties/status/type",keyword:"type",params:{type: "integer"},message:"must be integer"});
errors++;
}
if(1 !== data_status){
(vErrors ??= []).push({instancePath:instancePath+"/status",schemaPath:"#/properties/status/const",keyword:"const",params:{allowedValue: 1},message:"must be equal to constant"});
errors++;
}
if(!(data_status === 1)){
(vErrors ??= []).push({instancePath:instancePath+"/status",schemaPath:"#/properties/status/enum",keyword:"enum",params:{allowedValues: schema31.properties.status.enum},message:"must be equal to one of the allowed values"});
errors++;
}
}
}
else {
(vErrors ??= []).push({instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"});
errors++;
}
validate72.errors = vErrors;
return errors === 0;
}
validate72.evaluated = {"props":{"data":true,"status":true},"dynamicProps":false,"dynamicItems":false};

export const ReferralLinkSearchResult: Validator = validate74;
const schema32 = {"type":"object","required":["data","status"],"properties":{"data":{"type":"array","items":{"$ref":"ReferralLink"}},"status":{"type":"integer","const":1,"enum":[1]}}};

function validate74(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate74.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.data === undefined){
(vErrors ??= []).push({instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "data"},message:"must have required property '"+"data"+"'"});
errors++;
}
if(data.status === undefined){
(vErrors ??= []).push({instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "status"},message:"must have required property '"+"status"+"'"});
errors++;
}
if(data.data !== undefined){
let data_data = data.data;
if(Array.isArray(data_data)){
const len0 = data_data.length;
for(let i0=0; i0<len0; i0++){
if(!(validate67(data_data[i0], {instancePath:instancePath+"/data/" + i0,parentData:data_data,parentDataProperty:i0,rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate67.errors : vErrors.concat(validate67.errors);
errors = vErrors.length;
}
}
}
else {
(vErrors ??= []).push({instancePath:instancePath+"/data",schemaPath:"#/properties/data/type",keyword:"type",params:{type: "array"},message:"must be array"});
errors++;
}
}
if(data.status !== undefined){
let data_status = data.status;
if(!(((typeof data_status == "number") && (!(data_status % 1) && !isNaN(data_status))) && (isFinite(data_status)))){
(vErrors ??= []).push({instancePath:instancePath+"/status",schemaPath:"#/properties/status/type",keyword:"type",params:{type: "integer"},message:"must be integer"});
errors++;
}
if(1 !== data_status){
(vErrors ??= []).push({instancePath:instancePath+"/status",schemaPath:"#/properties/status/const",keyword:"const",params:{allowedValue: 1},message:"must be equal to constant"});
errors++;
}
if(!(data_status === 1)){
(vErrors ??= []).push({instancePath:instancePath+"/status",schemaPath:"#/properties/status/enum",keyword:"enum",params:{allowedValues: schema32.properties.status.enum},message:"must be equal to one of the allowed values"});
errors++;
}
}
}
else {
(vErrors ??= []).push({instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"});
errors++;
}
validate74.errors = vErrors;
return errors === 0;
}
validate74.evaluated = {"props":{"data":true,"status":true},"dynamicProps":false,"dynamicItems":false};


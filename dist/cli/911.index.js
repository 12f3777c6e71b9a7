export const id = 911;
export const ids = [911];
export const modules = {

/***/ 6214:
/***/ ((__unused_webpack_module, exports) => {

var __webpack_unused_export__;

__webpack_unused_export__ = ({ value: true });
// https://mathiasbynens.be/notes/javascript-encoding
// https://github.com/bestiejs/punycode.js - punycode.ucs2.decode
function ucs2length(str) {
    const len = str.length;
    let length = 0;
    let pos = 0;
    let value;
    while (pos < len) {
        length++;
        value = str.charCodeAt(pos++);
        if (value >= 0xd800 && value <= 0xdbff && pos < len) {
            // high surrogate, and there is a next character
            value = str.charCodeAt(pos);
            if ((value & 0xfc00) === 0xdc00)
                pos++; // low surrogate
        }
    }
    return length;
}
exports.A = ucs2length;
ucs2length.code = 'require("ajv/dist/runtime/ucs2length").default';
//# sourceMappingURL=ucs2length.js.map

/***/ }),

/***/ 5158:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runValidate: () => (/* binding */ runValidate)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _report_findings_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9334);
/* harmony import */ var _validate_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8825);
/* harmony import */ var _main_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7058);
/* harmony import */ var _no_project_file_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7522);
/** `validate`: the project and everything it references; findings printed, status from their severities. */





async function runValidate(cmd, io) {
    const configPath = node_path__WEBPACK_IMPORTED_MODULE_0___default().resolve(io.cwd, cmd.config);
    const result = (0,_validate_js__WEBPACK_IMPORTED_MODULE_2__/* .validateProject */ .U)(configPath);
    const root = node_path__WEBPACK_IMPORTED_MODULE_0___default().dirname(configPath);
    const rel = (p) => node_path__WEBPACK_IMPORTED_MODULE_0___default().relative(io.cwd, node_path__WEBPACK_IMPORTED_MODULE_0___default().resolve(root, p)).split((node_path__WEBPACK_IMPORTED_MODULE_0___default().sep)).join('/') || '.';
    (0,_main_js__WEBPACK_IMPORTED_MODULE_3__/* .printFindings */ .c2)(io, cmd.format, result.findings, result.files.map((f) => ({ path: rel(f.path), kind: f.kind })), root);
    if (result.fatal) {
        if (cmd.format !== 'json')
            io.err(`dd-ecs-monitor: cannot use the project file ${rel(node_path__WEBPACK_IMPORTED_MODULE_0___default().basename(configPath))}`);
        const missing = (0,_no_project_file_js__WEBPACK_IMPORTED_MODULE_4__/* .noProjectFileMessage */ .A)(configPath, io.cwd);
        if (missing)
            io.err(missing);
        return 2;
    }
    return (0,_report_findings_js__WEBPACK_IMPORTED_MODULE_1__/* .exitCodeFor */ .Rr)(result.findings, cmd.failOn);
}


/***/ })

};

"use strict";
const { input, words, runEmulatorScript } = require("./run.js");

runEmulatorScript(["finish", input("directory"), ...words("expect-stopped")]);

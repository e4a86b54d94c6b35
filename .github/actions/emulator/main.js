"use strict";
const { input, words, runEmulatorScript } = require("./run.js");

runEmulatorScript(["start", input("directory"), input("name"), "--listen", input("listen"), ...words("running-tasks")]);

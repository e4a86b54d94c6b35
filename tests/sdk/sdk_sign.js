#!/usr/bin/env node
'use strict';
// Signs a request with the official Huawei Cloud Node.js SDK signer and prints the headers to send, as
// JSON. Used to cross-check our C++ signer against the SDK.
//
//   node sdk_sign.js --method GET --url URL --ak AK --sk SK [--header 'Name: value']... [--body TEXT]
//   node sdk_sign.js < request.json
//
// On standard input: one request object {"method","url","headers":{name: value},"body","ak","sk"}, printing
// one headers object; or an array of them, printing an array of headers objects in the same order.
// Exit status: 0 signed, 2 bad input (message on stderr).

const { signWithSdk } = require('./sdk_request.js');

const USAGE = 'usage: node sdk_sign.js --method M --url URL --ak AK --sk SK [--header "Name: value"]... ' +
              '[--body TEXT]\n       node sdk_sign.js < request.json   (an object or an array of objects)';

function parseHeaderArg(text) {
    const colon = text.indexOf(':');
    if (colon <= 0) throw new Error(`--header wants "Name: value", got ${JSON.stringify(text)}`);
    return [text.slice(0, colon).trim(), text.slice(colon + 1).trim()];
}

function requestFromArgs(args) {
    const request = { headers: {} };
    for (let i = 0; i < args.length; i += 2) {
        const [option, value] = [args[i], args[i + 1]];
        if (value === undefined) throw new Error(`${option} needs a value`);
        if (option === '--header') {
            const [name, headerValue] = parseHeaderArg(value);
            request.headers[name] = headerValue;
        } else if (['--method', '--url', '--body', '--ak', '--sk'].includes(option)) {
            request[option.slice(2)] = value;
        } else {
            throw new Error(`unknown option ${option}`);
        }
    }
    return request;
}

function readStdin() {
    return require('fs').readFileSync(0, 'utf8');
}

function main() {
    const args = process.argv.slice(2);
    if (args.includes('--help') || args.includes('-h')) {
        console.log(USAGE);
        return 0;
    }
    try {
        const input = args.length > 0 ? requestFromArgs(args) : JSON.parse(readStdin());
        const output = Array.isArray(input) ? input.map(signWithSdk) : signWithSdk(input);
        process.stdout.write(JSON.stringify(output, null, 2) + '\n');
        return 0;
    } catch (error) {
        process.stderr.write(`sdk_sign: ${error.message}\n${USAGE}\n`);
        return 2;
    }
}

process.exitCode = main();

#!/usr/bin/env node
'use strict';
// The alternative a user would write instead of codearts-check-stop: a Node.js script that stops one
// CodeArts Check task with the official Huawei Cloud SDK core (@huaweicloud/huaweicloud-sdk-core, the
// package every generated service client of the Node.js SDK is built on). It uses the SDK the way a
// generated client does: BasicCredentials (AK/SK, project id), ClientBuilder -> HcClient, and
// HcClient.sendRequest, which signs with the SDK's AKSKSigner and sends with its axios-based client.
//
//   node bench/sdk_stop_task.js --endpoint URL --task-id ID --ak AK --sk SK --project-id P
//                               [--ca-file PEM] [--token T]
//
// --ca-file trusts that PEM (the emulator's certificate), the way a user behind a private CA would.
// --token also sends X-Auth-Token (signed like every other header): only for an emulator that
//   checks tokens but not AK/SK signatures yet; the request costs the same either way.
// Exit status: 0 when the service accepted the stop, 1 when it refused it or could not be reached,
// 2 on bad arguments. One line on stderr says why when it is not 0. This script prints no secret, but
// on an HTTP error the SDK's own logger prints the request headers, X-Auth-Token included (RESULTS.md).

const fs = require('fs');
const https = require('https');
// Installed by `npm ci` in bench/ (bench/package.json pins the version tests/sdk cross-checks).
const { BasicCredentials } = require('@huaweicloud/huaweicloud-sdk-core');
const { ClientBuilder } = require('@huaweicloud/huaweicloud-sdk-core/ClientBuilder');

const OPTIONS = ['endpoint', 'task-id', 'ak', 'sk', 'project-id', 'ca-file', 'token'];
const REQUIRED = ['endpoint', 'task-id', 'ak', 'sk', 'project-id'];

class UsageError extends Error {}

function parseArgs(args) {
    const options = {};
    for (let i = 0; i < args.length; i += 2) {
        const name = args[i].replace(/^--/, '');
        if (!args[i].startsWith('--') || !OPTIONS.includes(name)) throw new UsageError(`unknown option ${args[i]}`);
        if (args[i + 1] === undefined) throw new UsageError(`${args[i]} needs a value`);
        options[name] = args[i + 1];
    }
    for (const name of REQUIRED) {
        if (!options[name]) throw new UsageError(`--${name} is required`);
    }
    return options;
}

// What a generated client's newBuilder() does: ClientBuilder with an init that keeps the HcClient.
function buildClient(options) {
    const credentials = new BasicCredentials()
        .withAk(options.ak)
        .withSk(options.sk)
        .withProjectId(options['project-id']);
    const builder = new ClientBuilder((hcClient) => hcClient).withCredential(credentials).withEndpoint(options.endpoint);
    if (options['ca-file']) {
        const httpsAgent = new https.Agent({ ca: fs.readFileSync(options['ca-file']) });
        builder.withOptions({ axiosRequestConfig: { httpsAgent } });
    }
    return builder.build();
}

// The request a generated CodeArts Check client's stopTaskById sends.
function stopRequest(options) {
    const headers = options.token ? { 'X-Auth-Token': options.token } : {};
    return {
        method: 'POST',
        url: '/v2/tasks/{task_id}/stop',
        contentType: 'application/json',
        queryParams: {},
        pathParams: { task_id: options['task-id'] },
        headers,
        data: {},
    };
}

// A successful stop answers HTTP 200 with the body `null`. SDK core 3.1.211 cannot take that: its
// HcClient.extractResponse sets httpStatusCode on the parsed body and throws a ServiceResponseException
// "Cannot set properties of null" for a stop that worked. A user has to recognise that error to tell
// success from failure; so does this script (the request and its cost are the same either way).
function isNullBodySuccess(error) {
    return /Cannot set properties of null \(setting 'httpStatusCode'\)/.test(error.errorMsg || error.message || '');
}

// The service answers some errors with HTTP 200 and an error_code in the body.
function refusal(response) {
    if (response.httpStatusCode !== 200) return `HTTP ${response.httpStatusCode}`;
    if (response.error_code) return `${response.error_code} ${response.error_msg || ''}`.trim();
    return null;
}

async function main() {
    let options;
    try {
        options = parseArgs(process.argv.slice(2));
    } catch (error) {
        process.stderr.write(`sdk_stop_task: ${error.message}\n`);
        return 2;
    }
    try {
        const response = await buildClient(options).sendRequest(stopRequest(options));
        const why = refusal(response);
        if (!why) return 0;
        process.stderr.write(`sdk_stop_task: the stop was refused: ${why}\n`);
    } catch (error) {
        if (isNullBodySuccess(error)) return 0;
        // The SDK throws a ServiceResponseError (with the HTTP status) or a connection error.
        const status = error.httpStatusCode || error.status || '';
        const code = error.errorCode || error.code || '';
        process.stderr.write(`sdk_stop_task: the stop failed: ${[status, code].join(' ').trim() || 'no answer'}\n`);
    }
    return 1;
}

main().then((code) => {
    process.exitCode = code;
});

#!/usr/bin/env node
'use strict';
// Turns what bench/run measured (files in its work folder) into the one Markdown table it prints.
//
//   node bench/report.js --work DIR --mode full|smoke --sdk-auth TEXT --program-aksk absent|refused|measured
//
// Reads: one_stop.json and many.json (hyperfine --export-json), watch_ms.txt (one latency in ms a line),
// watch_state.txt, footprint.txt and setup.txt ("key value" lines), images.txt ("name bytes tool" lines),
// run_state.txt, follow_seconds.txt (how long the followed check ran), follow.txt (GNU time's "wall user
// system max-RSS-KiB", seconds, a run a line) and run_signal_ms.txt.

const fs = require('fs');
const path = require('path');

function parseArgs(args) {
    const options = {};
    for (let i = 0; i < args.length; i += 2) options[args[i].replace(/^--/, '')] = args[i + 1];
    return options;
}

const options = parseArgs(process.argv.slice(2));
const work = (name) => path.join(options.work, name);
const readText = (name) => (fs.existsSync(work(name)) ? fs.readFileSync(work(name), 'utf8').trim() : '');

// hyperfine results by command name, times in ms.
function hyperfineResults(name) {
    const byName = {};
    for (const result of JSON.parse(readText(name)).results) {
        byName[result.command] = { median: result.median * 1000, min: result.min * 1000, max: result.max * 1000,
                                   cpu: (result.user + result.system) * 1000, runs: result.times.length };
    }
    return byName;
}

function median(values) {
    const sorted = [...values].sort((a, b) => a - b);
    const middle = Math.floor(sorted.length / 2);
    return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

const ms = (value) => (value >= 100 ? `${value.toFixed(0)} ms` : `${value.toFixed(1)} ms`);
const times = (value) => `${value >= 10 ? value.toFixed(0) : value.toFixed(2)}×`;
const mb = (bytes) => `${(bytes / 1e6).toFixed(1)} MB`;
const verdict = (met) => (met ? 'yes' : '**no**');
// Wall time is what a user waits; CPU time (user + system, mean) is what a loaded machine inflates least.
const timing = (result) =>
    `median ${ms(result.median)} (min ${ms(result.min)}, max ${ms(result.max)}; CPU ${ms(result.cpu)}; ${result.runs} runs)`;

const rows = [];
const row = (item, measure, result, target = '', met = '') => rows.push([item, measure, result, target, met]);

function oneStopRows() {
    const one = hyperfineResults('one_stop.json');
    row(1, 'codearts-check-stop, token: progress, stop, progress (3 requests, 1 connection); linked statically, as the releases ship it (tarballs, .debs, the prebuilt image)', timing(one.program));
    const shared = one['program-shared'];
    row(1, 'codearts-check-stop, the same, built with Debian\'s shared Poco (the Dockerfile\'s default, what `@main` builds)',
        `${timing(shared)}; ${times(shared.median / one.curl.median)} of curl`);
    if (one['program-aksk']) row(1, 'codearts-check-stop, AK/SK signed', timing(one['program-aksk']));
    row(1, 'curl, token, the stop alone (the floor: 1 HTTPS request); `--cacert` emulator CA', timing(one.curl));
    row(1, 'curl, same, trusting the system bundle + emulator CA (curl\'s default trust)', timing(one['curl-system']));
    row(1, `Node.js script, official SDK core (ClientBuilder, HcClient), ${options['sdk-auth']}`, timing(one.sdk));
    const programVsCurl = one.program.median / one.curl.median;
    row(1, 'program ÷ curl (medians)', times(programVsCurl), '≤ 0.8×', verdict(programVsCurl <= 0.8));
    row(1, 'program ÷ curl with the system bundle (medians)', times(one.program.median / one['curl-system'].median));
    const sdkVsProgram = one.sdk.median / one.program.median;
    row(1, 'SDK script ÷ program (medians)', times(sdkVsProgram), '≥ 10×', verdict(sdkVsProgram >= 10));
    const system = one['program-system'];
    row(1, 'codearts-check-stop trusting the same system bundle + emulator CA (`SSL_CERT_FILE`)',
        `${timing(system)}; ${times(system.median / one['curl-system'].median)} of curl with that bundle`);
    if (options['program-aksk'] === 'absent') row(1, 'codearts-check-stop, AK/SK signed', 'n/a: no --ak option yet');
    if (options['program-aksk'] === 'refused') {
        row(1, 'codearts-check-stop, AK/SK signed', 'n/a: the emulator refused its signature');
    }
}

function watchRows() {
    const state = readText('watch_state.txt');
    if (state !== 'measured') {
        row(2, 'watch: SIGTERM → stop request at the emulator', state, 'median < 20 ms');
        return;
    }
    const latencies = (name) => readText(name).split('\n').filter(Boolean).map(Number);
    const summary = (values) => `median ${ms(median(values))}, worst ${ms(Math.max(...values))} (${values.length} runs)`;
    const measured = latencies('watch_ms.txt');
    row(2, 'watch: SIGTERM → stop request at the emulator', summary(measured), 'median < 20 ms',
        verdict(median(measured) < 20));
}

function manyRows() {
    const many = hyperfineResults('many.json');
    const one = many['1 task'].median;
    row(3, '1 task, 50 ms latency per call', timing(many['1 task']));
    row(3, '10 tasks', timing(many['10 tasks']));
    row(3, '100 tasks (default --concurrency 64)', timing(many['100 tasks']));
    const ratio = many['100 tasks'].median / one;
    row(3, '100 tasks ÷ 1 task (default concurrency)', times(ratio), '≤ 3×', verdict(ratio <= 3));
    const narrow = many['100 tasks, --concurrency 8'];
    row(3, '100 tasks, --concurrency 8 (the default before)', `${timing(narrow)}; ${times(narrow.median / one)} of 1 task`);
    const loop = many['100 tasks, curl loop'];
    if (loop) row(3, '100 tasks, a bash loop of curl stops (no state check)', `${timing(loop)}; ${times(loop.median / one)} of 1 task`);
}

function footprintRows() {
    const values = Object.fromEntries(readText('footprint.txt').split('\n').map((line) => line.split(' ')));
    const kib = (key) => Number(values[key]) * 1024;
    row(4, 'peak resident memory, codearts-check-stop (one stop), linked statically', mb(kib('rss_program')), '< 8 MB',
        verdict(kib('rss_program') < 8e6));
    row(4, 'peak resident memory, codearts-check-stop with shared Poco (one stop)', mb(kib('rss_program_shared')));
    row(4, 'peak resident memory, curl (one request), `--cacert` emulator CA', mb(kib('rss_curl')));
    row(4, 'peak resident memory, curl, system bundle + emulator CA', mb(kib('rss_curl_system')));
    row(4, 'peak resident memory, SDK script (one stop)', mb(kib('rss_sdk')));
    row(4, 'binary size, as built / stripped: linked statically',
        `${mb(Number(values.binary_bytes))} / ${mb(Number(values.binary_stripped_bytes))}`);
    row(4, 'shared libraries it loads (libc, ...)', mb(Number(values.libraries_bytes)));
    row(4, 'binary size, as built / stripped: with shared Poco',
        `${mb(Number(values.binary_bytes_shared))} / ${mb(Number(values.binary_stripped_bytes_shared))}`);
    row(4, 'shared libraries that one loads (Poco, OpenSSL, libstdc++, libc, ...)', mb(Number(values.libraries_bytes_shared)));
    const images = readText('images.txt');
    if (!images) row(4, 'container image size', 'n/a (build with tests/container/run)');
    for (const line of images ? images.split('\n') : []) {
        const [name, bytes, tool] = line.split(' ');
        row(4, `container image ${name} (${tool}), built from the Dockerfile by tests/container/run`, mb(Number(bytes)));
    }
}

// 5: what "Set up job" spends on the action in every job that uses it (bench/setup-cost).
function setupRows() {
    const text = readText('setup.txt');
    if (!text) {
        row(5, 'set-up of the action', 'n/a (bench/setup-cost needs dist/ from scripts/release build and the base image of tests/container/run)');
        return;
    }
    const values = Object.fromEntries(text.split('\n').map((line) => line.split(' ')));
    const pull = Number(values.setup_pull_s);
    row(5, 'set-up from the prebuilt image (`image: docker://…@sha256:…`, a release): pull by digest from a registry on loopback into an empty storage',
        `median ${pull.toFixed(2)} s (${values.setup_pull_runs} runs)`, '≤ 5 s', verdict(pull <= 5));
    if (values.setup_build_s) {
        const build = Number(values.setup_build_s);
        row(5, 'set-up from the Dockerfile (`image: Dockerfile`, @main): build into an empty storage, base image already there',
            `${build.toFixed(0)} s; ${times(build / pull)} the pull`);
    }
    for (const arch of ['amd64', 'arm64']) {
        row(5, `prebuilt image, linux/${arch}: uncompressed / downloaded by a pull`,
            `${mb(Number(values[`image_bytes_${arch}`]))} / ${mb(Number(values[`download_bytes_${arch}`]))}`);
    }
}

// 6: run mode. Following a check is mostly waiting: what it costs is CPU time and memory, per run.
function runModeRows() {
    const signalMeasure = 'run mode: SIGTERM → stop request at the emulator';
    const state = readText('run_state.txt');
    if (state !== 'measured') {
        row(6, signalMeasure, state || 'not measured', 'median < 20 ms');
        return;
    }
    const runs = readText('follow.txt').split('\n').filter(Boolean).map((line) => line.split(' ').map(Number));
    const checkSeconds = Number(readText('follow_seconds.txt'));
    const wall = median(runs.map(([seconds]) => seconds));
    const cpu = runs.map(([, user, system]) => user + system);
    const cpuMedian = median(cpu);
    // Under 1 % of a core over the check's time: 0.6 s for the 60 s check (the smoke run's is shorter).
    // The program waits on after the check ended until its next look, so its wall time is longer.
    const cpuTarget = 0.01 * checkSeconds;
    // GNU time counts hundredths of a second: 0 is "under 10 ms".
    const cpuText = (seconds) => (seconds > 0 ? `${(seconds * 1000).toFixed(0)} ms` : '< 10 ms');
    row(6, `run mode, following a check that runs ${checkSeconds} s (default --poll-interval; the program took ` +
        `${wall.toFixed(0)} s, its last look after the end): CPU time, user + system`,
        `median ${cpuText(cpuMedian)}, ${(100 * cpuMedian / checkSeconds).toFixed(2)} % of a core over the check ` +
        `(${runs.length} runs: ${cpu.map(cpuText).join(', ')})`,
        `< ${cpuTarget.toFixed(2)} s (1 % of a core)`, verdict(cpuMedian < cpuTarget));
    const rss = median(runs.map((run) => run[3] * 1024));
    row(6, 'run mode, the same: peak resident memory', mb(rss), '< 8 MB', verdict(rss < 8e6));
    const latencies = readText('run_signal_ms.txt').split('\n').filter(Boolean).map(Number);
    row(6, signalMeasure, `median ${ms(median(latencies))}, worst ${ms(Math.max(...latencies))} (${latencies.length} runs)`,
        'median < 20 ms', verdict(median(latencies) < 20));
}

// 7: findings. Reading 5000 of them is 50 calls; SARIF is streamed, so memory should stay near a stop's.
function findingsRows() {
    const measure = 'findings: 5000 defects read (50 pages) and written as SARIF and Code Quality';
    const state = readText('findings_state.txt');
    if (state !== 'measured') {
        row(7, measure, state || 'not measured');
        return;
    }
    const runs = readText('findings.txt').split('\n').filter(Boolean).map((line) => line.split(' ').map(Number));
    const wall = median(runs.map(([seconds]) => seconds));
    row(7, `${measure}: whole process`, `median ${(wall * 1000).toFixed(0)} ms (${runs.length} runs)`);
    const rss = median(runs.map((run) => run[3] * 1024));
    const footprint = Object.fromEntries(readText('footprint.txt').split('\n').map((line) => line.split(' ')));
    const stopRss = Number(footprint.rss_program) * 1024;
    row(7, 'findings, the same: peak resident memory', `${mb(rss)}; one stop: ${mb(stopRss)}`, '< 2× one stop',
        verdict(rss < 2 * stopRss));
    const [, , , , sarifBytes, codequalityBytes] = runs[runs.length - 1];
    row(7, 'findings, the same: files written', `SARIF ${mb(sarifBytes)}, Code Quality ${mb(codequalityBytes)}`);
}

oneStopRows();
watchRows();
manyRows();
footprintRows();
setupRows();
runModeRows();
findingsRows();

const lines = [];
if (options.mode === 'smoke') lines.push('Smoke run: a few runs of each measurement, the numbers are rough.', '');
lines.push('| # | measure | result | target | met |', '|---|---|---|---|---|');
for (const cells of rows) lines.push(`| ${cells.join(' | ')} |`);
process.stdout.write(lines.join('\n') + '\n');

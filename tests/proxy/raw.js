// tests/proxy/raw.js: a bare TCP client for the cases of
// tests/run-proxy.sh that a well-behaved library never makes:
//   cut-client  after the banner, half an action (no blank line), then
//               hang up;
//   cut-server  log in as "cutserver", whom tests/proxy/server.js answers
//               with half a response before hanging up;
//   hold        after the banner, half an action, then wait for the
//               proxy to close the connection (it was interrupted);
//   flood       log in as "flood", whom the server sends a flood of
//               events, and read none of it for 2 s (back-pressure);
//   probe       send nothing, wait for the proxy to close the connection
//               (its upstream is down).
// Prints "closed after N bytes" when the connection closed within
// 10 s (exit 0), else says what went wrong (exit 1); the bytes received
// go to OUTFILE when one is given.
//
// usage: node raw.js PORT MODE [OUTFILE]
'use strict';
const net = require('net');

const fs = require('fs');

const [port, mode, outfile] = process.argv.slice(2);
const said = {
	'cut-client': 'Action: Ping\r\nActionID: cut-1\r\n',
	'cut-server': 'Action: Login\r\nActionID: cut-2\r\nUsername: cutserver\r\nSecret: x\r\n\r\n',
	'hold': 'Action: Ping\r\nActionID: hold-1\r\n',
	'flood': 'Action: Login\r\nActionID: flood-1\r\nUsername: flood\r\nSecret: x\r\n\r\n',
};
const chunks = [];
let got = 0;
let spoke = false;

const timer = setTimeout(() => {
	process.stdout.write('still open after 10 s (' + got + ' bytes)\n');
	process.exit(1);
}, 10000);
const sock = net.createConnection(Number(port), '127.0.0.1');
sock.on('data', (d) => {
	chunks.push(d);
	got += d.length;
	if (spoke || !said[mode] || d.indexOf('\r\n') < 0)
		return;
	spoke = true; /* after the banner, as a client does */
	if (mode === 'cut-client')
		sock.end(said[mode]);
	else
		sock.write(said[mode]);
	if (mode === 'flood') {
		sock.pause();
		setTimeout(() => sock.resume(), 2000);
	}
});
sock.on('error', (err) => {
	process.stdout.write('error: ' + err.code + '\n');
	process.exit(1);
});
sock.on('close', () => {
	clearTimeout(timer);
	if (outfile)
		fs.writeFileSync(outfile, Buffer.concat(chunks));
	process.stdout.write('closed after ' + got + ' bytes\n');
});

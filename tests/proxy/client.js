// tests/proxy/client.js: N clients of a real AMI library (asterisk-manager,
// from npm) at once, each logging in as PREFIX0, PREFIX1..., pinging, originating a
// call (Async, waiting for its OriginateResponse) and logging off, as a
// developer's application would; for tests/run-proxy.sh, through
// amilint --proxy.  What each one's socket wrote and what it received
// (the library reads it as UTF-8 strings; the server sends ASCII) is
// recorded in RECDIR/USER.csent and RECDIR/USER.cgot, to be compared
// with what the server recorded.
//
// usage: node client.js PORT RECDIR N [PREFIX]   (PREFIX: user; exit 0
// when all N logged off)
'use strict';
const fs = require('fs');
const net = require('net');
const path = require('path');

const [port, recdir, countArg, prefix = 'user'] = process.argv.slice(2);
const count = Number(countArg || 1);

// The library opens its socket with net.createConnection(): recorded
// from there, below the library, byte for byte.
let recording = null;
const createConnection = net.createConnection;
net.createConnection = function (...args) {
	const sock = createConnection.apply(this, args);
	const rec = recording;
	const write = sock.write;
	sock.write = function (data, enc, cb) {
		rec.sent.push(Buffer.from(data, typeof enc === 'string' ? enc : 'utf8'));
		return write.call(this, data, enc, cb);
	};
	sock.on('data', (d) => rec.got.push(Buffer.isBuffer(d) ? d : Buffer.from(d, 'utf8')));
	return sock;
};
const Manager = require('asterisk-manager');

function save(user, rec) {
	fs.writeFileSync(path.join(recdir, user + '.csent'), Buffer.concat(rec.sent));
	fs.writeFileSync(path.join(recdir, user + '.cgot'), Buffer.concat(rec.got));
}

// One session; resolves once the server closed it after the Logoff.
function session(i) {
	const user = prefix + i;
	const rec = { sent: [], got: [] };
	return new Promise((resolve, reject) => {
		const ami = new Manager(null, '127.0.0.1', user, 'secret' + i, true);
		const fail = (what, err) => reject(new Error(user + ': ' + what + ': ' +
			(err && (err.message || JSON.stringify(err)))));
		ami.on('close', () => { save(user, rec); resolve(user); });
		ami.once('originateresponse', (ev) => {
			if (ev.response !== 'Success')
				return fail('originate', ev);
			ami.action({ action: 'logoff' }, (err) => err && fail('logoff', err));
		});
		recording = rec;
		ami.connect(Number(port), '127.0.0.1', () => ami.login((err) => {
			if (err)
				return fail('login', err);
			ami.action({ action: 'ping' }, (perr) => {
				if (perr)
					return fail('ping', perr);
				ami.action({
					action: 'originate', channel: 'Local/100@default', context: 'default',
					exten: '600', priority: 1, callerid: '"AMI Test" <5551234>',
					timeout: 15000, async: 'true',
					variable: { PROBEVAR1: 'alpha', PROBEVAR2: 'beta' },
				}, (oerr) => oerr && fail('originate', oerr));
			});
		}));
	});
}

const timer = setTimeout(() => {
	process.stderr.write('client.js: not all sessions ended within 20 s\n');
	process.exit(2);
}, 20000);
const all = [];
for (let i = 0; i < count; i++)
	all.push(session(i));
Promise.all(all).then(() => { clearTimeout(timer); }, (err) => {
	process.stderr.write('client.js: ' + err.message + '\n');
	process.exit(1);
});

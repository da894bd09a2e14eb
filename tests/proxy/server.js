// tests/proxy/server.js: a scripted AMI server for tests/run-proxy.sh, the
// far end of amilint --proxy.  It greets like Asterisk
// ("Asterisk Call Manager/13.0.0", as the real captures in
// ../shared/captures do) and answers Login, Ping, Originate (Async: a
// queued response now, an OriginateResponse event a little later) and
// Logoff with the headers Asterisk sends (taken from those captures).
// Every byte received and every byte sent is recorded per connection, in
// RECDIR/NAME.srecv and RECDIR/NAME.ssent, NAME being the Username of the
// connection's Login (conn-N without one); written when the connection
// closes, then "closed NAME" goes to standard output.
//
// A Login as user "cutserver" is answered with half a response, then the
// connection is dropped: a server hanging up in the middle of a message.
// One as user "flood" is followed by FLOOD_MB (default 64) MiB of
// FullyBooted events, written as fast as the socket takes them, then
// the connection is ended: for back-pressure through the proxy.
//
// usage: node server.js RECDIR [PORT]   (prints "listening PORT"; PORT 0
// or none picks a free one)
'use strict';
const fs = require('fs');
const net = require('net');
const path = require('path');

const [recdir, portArg] = process.argv.slice(2);
let nconn = 0;

// "Header: value" lines of one message, names lower-cased.
function parse(text) {
	const h = {};
	for (const line of text.split(/\r?\n/)) {
		const c = line.indexOf(':');
		if (c > 0)
			h[line.slice(0, c).trim().toLowerCase()] = line.slice(c + 1).trim();
	}
	return h;
}

function message(lines) {
	return lines.filter((l) => l !== null).join('\r\n') + '\r\n\r\n';
}

function idLine(h) {
	return h.actionid !== undefined ? 'ActionID: ' + h.actionid : null;
}

// The replies to one action, as [text, delay in ms] pairs; 'end' ends
// the connection after the text, 'cut' drops it.
function answer(h, conn) {
	const id = idLine(h);
	switch ((h.action || '').toLowerCase()) {
	case 'login':
		conn.name = h.username || conn.name;
		if (h.username === 'cutserver')
			return [['Response: Success\r\n' + id + '\r\nMessage: Authenti', 0, 'cut']];
		if (h.username === 'flood')
			return [[message(['Response: Success', id, 'Message: Authentication accepted']), 0],
				['', 0, 'flood']];
		return [[message(['Response: Success', id, 'Message: Authentication accepted']), 0],
			[message(['Event: FullyBooted', 'Privilege: system,all', 'Uptime: 137',
				'LastReload: 137', 'Status: Fully Booted']), 0]];
	case 'ping':
		return [[message(['Response: Success', id, 'Ping: Pong',
			'Timestamp: 1795663528.' + String(100000 + conn.id).slice(1)]), 0]];
	case 'originate':
		return originate(h, id, conn);
	case 'logoff':
		return [[message(['Response: Goodbye', id, 'Message: Thanks for all the fish.']), 0, 'end']];
	default:
		return [[message(['Response: Error', id, 'Message: Invalid/unknown command']), 0]];
	}
}

function originate(h, id, conn) {
	const replies = [[message(['Response: Success', id, 'Message: Originate successfully queued']), 0]];
	if (/^(true|yes|1|on)$/i.test(h.async || '')) {
		const m = /"?([^"<]*)"?\s*<([^>]*)>/.exec(h.callerid || '') || [null, '', ''];
		replies.push([message(['Event: OriginateResponse', 'Privilege: call,all', id,
			'Response: Success', 'Channel: ' + (h.channel || '') + '-0000000' + (conn.id % 10) + ';1',
			'Context: ' + (h.context || ''), 'Exten: ' + (h.exten || ''), 'Reason: 4',
			'Uniqueid: 1795663585.' + conn.id, 'CallerIDNum: ' + m[2],
			'CallerIDName: ' + m[1].trim()]), 30]);
	}
	return replies;
}

// Valid events, each a little different, in 1 MiB chunks.
function flood(conn, done) {
	const mib = Number(process.env.FLOOD_MB || 64);
	let uptime = 0;
	const chunk = () => {
		let s = '';
		while (s.length < 1048576)
			s += message(['Event: FullyBooted', 'Privilege: system,all',
				'Uptime: ' + ++uptime, 'LastReload: 137', 'Status: Fully Booted']);
		return Buffer.from(s, 'latin1');
	};
	const more = (left) => {
		while (left > 0 && !conn.sock.destroyed) {
			const b = chunk();
			conn.sent.push(b);
			left--;
			if (!conn.sock.write(b))
				return conn.sock.once('drain', () => more(left));
		}
		conn.sock.end();
		done();
	};
	more(mib);
}

function send(conn, text, how) {
	if (conn.sock.destroyed)
		return;
	if (how === 'flood')
		return new Promise((done) => flood(conn, done));
	conn.sent.push(Buffer.from(text, 'latin1'));
	if (how === 'cut')
		conn.sock.end(text, 'latin1', () => conn.sock.destroy());
	else if (how === 'end')
		conn.sock.end(text, 'latin1');
	else
		conn.sock.write(text, 'latin1');
}

// Replies go out in order, the delayed ones after their delay.
function reply(conn, replies) {
	for (const [text, delay, how] of replies) {
		conn.queue = conn.queue.then(() => new Promise((done) => {
			setTimeout(() => Promise.resolve(send(conn, text, how)).then(done), delay);
		}));
	}
}

function record(conn) {
	for (const [ext, chunks] of [['srecv', conn.recv], ['ssent', conn.sent]]) {
		const file = path.join(recdir, conn.name + '.' + ext);
		fs.writeFileSync(file + '.tmp', Buffer.concat(chunks));
		fs.renameSync(file + '.tmp', file);
	}
	process.stdout.write('closed ' + conn.name + '\n');
}

const server = net.createServer((sock) => {
	const conn = { sock, id: ++nconn, name: 'conn-' + (nconn), recv: [], sent: [],
		pending: '', queue: Promise.resolve() };
	sock.setNoDelay(true);
	send(conn, 'Asterisk Call Manager/13.0.0\r\n');
	sock.on('data', (data) => {
		conn.recv.push(data);
		conn.pending += data.toString('latin1');
		let end;
		while ((end = conn.pending.indexOf('\r\n\r\n')) >= 0) {
			const text = conn.pending.slice(0, end);
			conn.pending = conn.pending.slice(end + 4);
			reply(conn, answer(parse(text), conn));
		}
	});
	sock.on('error', () => {});
	sock.on('close', () => conn.queue.then(() => record(conn)));
});

server.listen(Number(portArg || 0), '127.0.0.1', () => {
	process.stdout.write('listening ' + server.address().port + '\n');
});

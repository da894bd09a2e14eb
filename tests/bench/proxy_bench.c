/*
 * proxy_bench.c: both ends of tests/bench/run-proxy.sh, which times
 * amilint --proxy against a direct connection on 127.0.0.1:
 *   proxy_bench sink            a server that reads and drops everything
 *   proxy_bench pong            a server that answers Login and Ping as
 *                               Asterisk does
 *   proxy_bench push PORT FILE  sends FILE (read into memory first), then
 *                               waits for the server's close; prints MiB/s
 *   proxy_bench ping PORT N     logs in, then times N Ping round trips,
 *                               one at a time; prints median and p99 in us
 * The servers print their (free) port, then serve one connection at a
 * time until killed.
 */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define BUF (1024 * 1024)

static void
die(const char *what)
{
	perror(what);
	exit(2);
}

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void
write_all(int fd, const char *p, size_t n)
{
	ssize_t w;

	for (; n > 0; p += w, n -= (size_t)w)
		if ((w = write(fd, p, n)) <= 0)
			die("write");
}

static void
loopback(struct sockaddr_in *sa, unsigned port)
{
	memset(sa, 0, sizeof(*sa));
	sa->sin_family = AF_INET;
	sa->sin_port = htons((unsigned short)port);
	sa->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
}

static int
dial(const char *port)
{
	struct sockaddr_in sa;
	int one = 1, fd = socket(AF_INET, SOCK_STREAM, 0);

	loopback(&sa, (unsigned)atoi(port));
	if (fd < 0 || connect(fd, (struct sockaddr *)&sa, sizeof(sa)) < 0)
		die("connect");
	setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
	return fd;
}

/* Reads until buf holds the end mark; returns the bytes held. */
static size_t
read_until(int fd, char *buf, size_t size, size_t have, const char *mark)
{
	ssize_t r;

	buf[have] = '\0';
	while (strstr(buf, mark) == NULL) {
		if (have + 1 >= size || (r = read(fd, buf + have,
		                                  size - 1 - have)) <= 0)
			die("read");
		have += (size_t)r;
		buf[have] = '\0';
	}
	return have;
}

/* ---- servers ------------------------------------------------------------ */

static void
sink(int fd, char *buf)
{
	while (read(fd, buf, BUF) > 0)
		;
}

/* Each message of buf[0, *have) that is whole gets its reply. */
static size_t
answer(int fd, char *buf, size_t have)
{
	char *end, *id, out[256];
	size_t idlen, used = 0;

	buf[have] = '\0';
	while ((end = strstr(buf + used, "\r\n\r\n")) != NULL) {
		*end = '\0';
		id = strstr(buf + used, "ActionID: ");
		idlen = id != NULL ? strcspn(id += 10, "\r\n") : 0;
		snprintf(out, sizeof(out),
		         strncmp(buf + used, "Action: Ping", 12) == 0
		             ? "Response: Success\r\nActionID: %.*s\r\n"
		               "Ping: Pong\r\nTimestamp: 1795663528.449364\r\n\r\n"
		             : "Response: Success\r\nActionID: %.*s\r\n"
		               "Message: Authentication accepted\r\n\r\n",
		         (int)idlen, id != NULL ? id : "");
		write_all(fd, out, strlen(out));
		used = (size_t)(end - buf) + 4;
	}
	memmove(buf, buf + used, have - used);
	return have - used;
}

static void
pong(int fd, char *buf)
{
	static const char banner[] = "Asterisk Call Manager/13.0.0\r\n";
	size_t have = 0;
	ssize_t r;

	write_all(fd, banner, sizeof(banner) - 1);
	while ((r = read(fd, buf + have, BUF - 1 - have)) > 0)
		have = answer(fd, buf, have + (size_t)r);
}

static void
serve(void (*fn)(int, char *))
{
	struct sockaddr_in sa;
	socklen_t len = sizeof(sa);
	char *buf = malloc(BUF);
	int one = 1, c, fd = socket(AF_INET, SOCK_STREAM, 0);

	loopback(&sa, 0);
	if (buf == NULL || fd < 0 ||
	    bind(fd, (struct sockaddr *)&sa, sizeof(sa)) < 0 ||
	    listen(fd, 16) < 0 ||
	    getsockname(fd, (struct sockaddr *)&sa, &len) < 0)
		die("listen");
	printf("%u\n", (unsigned)ntohs(sa.sin_port));
	fflush(stdout);
	while ((c = accept(fd, NULL, NULL)) >= 0) {
		setsockopt(c, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
		fn(c, buf);
		close(c);
	}
	die("accept");
}

/* ---- clients ------------------------------------------------------------ */

static void
push(const char *port, const char *path)
{
	struct stat st;
	char *data, buf[4096];
	FILE *f = fopen(path, "rb");
	double t;
	int fd;

	if (f == NULL || fstat(fileno(f), &st) < 0 ||
	    (data = malloc((size_t)st.st_size + 1)) == NULL ||
	    fread(data, 1, (size_t)st.st_size, f) != (size_t)st.st_size)
		die(path);
	fclose(f);
	fd = dial(port);
	t = now();
	write_all(fd, data, (size_t)st.st_size);
	shutdown(fd, SHUT_WR);
	while (read(fd, buf, sizeof(buf)) > 0)
		; /* until the server closed: it has read everything */
	t = now() - t;
	printf("%.1f MiB/s (%lld bytes in %.3f s)\n",
	       (double)st.st_size / t / 1048576.0, (long long)st.st_size, t);
	free(data);
}

static int
by_value(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

static void
ping(const char *port, int n)
{
	static const char login[] = "Action: Login\r\nActionID: l\r\n"
	                            "Username: bench\r\nSecret: bench\r\n\r\n";
	double *us = malloc((size_t)n * sizeof(*us)), t;
	char buf[4096], msg[64];
	int i, fd = dial(port);

	if (us == NULL)
		die("malloc");
	read_until(fd, buf, sizeof(buf), 0, "\r\n");
	write_all(fd, login, sizeof(login) - 1);
	read_until(fd, buf, sizeof(buf), 0, "\r\n\r\n");
	for (i = 0; i < n; i++) {
		snprintf(msg, sizeof(msg), "Action: Ping\r\nActionID: %d\r\n\r\n", i);
		t = now();
		write_all(fd, msg, strlen(msg));
		read_until(fd, buf, sizeof(buf), 0, "\r\n\r\n");
		us[i] = (now() - t) * 1e6;
	}
	close(fd);
	qsort(us, (size_t)n, sizeof(*us), by_value);
	printf("median %.1f us  p99 %.1f us  (%d round trips)\n", us[n / 2],
	       us[(size_t)n * 99 / 100], n);
	free(us);
}

int
main(int argc, char **argv)
{
	if (argc == 2 && strcmp(argv[1], "sink") == 0)
		serve(sink);
	else if (argc == 2 && strcmp(argv[1], "pong") == 0)
		serve(pong);
	else if (argc == 4 && strcmp(argv[1], "push") == 0)
		push(argv[2], argv[3]);
	else if (argc == 4 && strcmp(argv[1], "ping") == 0 && atoi(argv[3]) > 0)
		ping(argv[2], atoi(argv[3]));
	else {
		fprintf(stderr, "usage: proxy_bench sink | pong | push PORT FILE "
		                "| ping PORT N\n");
		return 2;
	}
	return 0;
}

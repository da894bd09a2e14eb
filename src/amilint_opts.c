/*
 * amilint_opts.c: amilint's options, rc file and rule selection (see
 * amilint_opts.h).
 */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "amidict.h"
#include "amilint_opts.h"

enum {
	OPT_ENABLE = 256,
	OPT_DISABLE,
	OPT_DICTIONARY,
	OPT_TARGET,
	OPT_SUMMARY,
	OPT_LIST_RULES,
	OPT_COLOR,
	OPT_NO_CONFIG,
	OPT_CONFIG,
	OPT_VERSION,
	OPT_PORT,
	OPT_EXTRACT,
	OPT_PROXY,
	OPT_UPSTREAM
};

static const struct option longopts[] = {
	{"format", required_argument, NULL, 'f'},
	{"severity", required_argument, NULL, 'W'},
	{"enable", required_argument, NULL, OPT_ENABLE},
	{"disable", required_argument, NULL, OPT_DISABLE},
	{"dictionary", required_argument, NULL, OPT_DICTIONARY},
	{"target-version", required_argument, NULL, OPT_TARGET},
	{"summary", no_argument, NULL, OPT_SUMMARY},
	{"list-rules", no_argument, NULL, OPT_LIST_RULES},
	{"color", required_argument, NULL, OPT_COLOR},
	{"no-config", no_argument, NULL, OPT_NO_CONFIG},
	{"config", required_argument, NULL, OPT_CONFIG},
	{"port", required_argument, NULL, OPT_PORT},
	{"extract", required_argument, NULL, OPT_EXTRACT},
	{"proxy", required_argument, NULL, OPT_PROXY},
	{"upstream", required_argument, NULL, OPT_UPSTREAM},
	{"help", no_argument, NULL, 'h'},
	{"version", no_argument, NULL, OPT_VERSION},
	{NULL, 0, NULL, 0},
};

void
amilint_usage(FILE *f)
{
	fputs("usage: amilint [options] [file ...]\n"
	      "       amilint --extract DIR [--port N] capture\n"
	      "       amilint --proxy HOST:PORT --upstream HOST:PORT "
	      "[options]\n"
	      "Lints captured AMI traffic: text transcripts, or pcap and "
	      "pcapng\ncaptures (- or no file reads stdin); or live traffic, "
	      "through --proxy.\n\n"
	      "  -f, --format FMT        text (default), json or sarif\n"
	      "  -W, --severity LEVEL    note (default), warning or error: "
	      "hide and\n"
	      "                          ignore findings below it\n"
	      "      --enable LIST       enable rules: IDs, names, "
	      "categories or all\n"
	      "      --disable LIST      disable rules (same forms)\n"
	      "      --list-rules        list the rules and exit\n"
	      "      --dictionary FILE   check against this dictionary "
	      "(repeatable)\n"
	      "                          instead of the built-in one\n"
	      "      --target-version V  Asterisk version to check against "
	      "(default:\n"
	      "                          from the banner)\n"
	      "      --summary           print the count of findings per "
	      "rule\n"
	      "      --port N            a port AMI uses in captures "
	      "(repeatable;\n"
	      "                          default 5038)\n"
	      "      --extract DIR       write each AMI connection of a "
	      "capture as\n"
	      "                          text transcripts in DIR; no "
	      "linting\n"
	      "      --proxy HOST:PORT   listen there, forward to "
	      "--upstream, lint the\n"
	      "                          live traffic; ^C prints the "
	      "summary\n"
	      "      --upstream HOST:PORT  the AMI server --proxy forwards "
	      "to\n"
	      "      --color WHEN        auto (default), always or never; "
	      "NO_COLOR is\n"
	      "                          respected\n"
	      "      --config FILE       read settings from FILE, not "
	      ".amilintrc\n"
	      "      --no-config         read no .amilintrc\n"
	      "  -h, --help              this text\n"
	      "      --version           the version\n\n"
	      "Exit status: 0 clean, 1 findings at or above the threshold, "
	      "2 usage or\ninput error.\n",
	      f);
}

static int
match_rule(size_t i, const char *item, size_t len)
{
	const struct rule_info *r = &rule_table[i];

	return (strlen(r->id) == len && strncasecmp(r->id, item, len) == 0) ||
	       (strlen(r->name) == len && strncmp(r->name, item, len) == 0) ||
	       (strlen(r->category) == len &&
	        strncmp(r->category, item, len) == 0) ||
	       (len == 3 && strncmp(item, "all", 3) == 0);
}

int
amilint_select(struct amilint_opts *o, const char *list, bool on)
{
	const char *p = list;

	while (*p != '\0') {
		size_t len, i;
		int found = 0;

		p += strspn(p, " ,");
		if ((len = strcspn(p, " ,")) == 0)
			break;
		for (i = 0; i < RULE__COUNT; i++)
			if (match_rule(i, p, len)) {
				o->lint.enabled[i] = on;
				found = 1;
			}
		if (!found) {
			fprintf(stderr, "amilint: unknown rule, name or "
			                "category '%.*s' (see --list-rules)\n",
			        (int)len, p);
			return -1;
		}
		p += len;
	}
	return 0;
}

static int
set_format(struct amilint_opts *o, const char *v)
{
	static const struct diag_format *const all[] = {&diag_text, &diag_json,
	                                                &diag_sarif};
	size_t i;

	for (i = 0; i < sizeof(all) / sizeof(all[0]); i++)
		if (strcmp(all[i]->name, v) == 0) {
			o->format = all[i];
			return 0;
		}
	fprintf(stderr, "amilint: unknown format '%s' (text, json, sarif)\n",
	        v);
	return -1;
}

static int
set_threshold(struct amilint_opts *o, const char *v)
{
	static const char *const names[] = {"note", "warning", "error"};
	int i;

	for (i = 0; i < 3; i++)
		if (strcmp(v, names[i]) == 0) {
			o->threshold = (enum lint_severity)i;
			return 0;
		}
	fprintf(stderr, "amilint: unknown severity '%s' (note, warning, "
	                "error)\n",
	        v);
	return -1;
}

static int
set_color(struct amilint_opts *o, const char *v)
{
	if (strcmp(v, "auto") == 0)
		o->color = COLOR_AUTO;
	else if (strcmp(v, "always") == 0)
		o->color = COLOR_ALWAYS;
	else if (strcmp(v, "never") == 0)
		o->color = COLOR_NEVER;
	else {
		fprintf(stderr, "amilint: --color takes auto, always or "
		                "never\n");
		return -1;
	}
	return 0;
}

static int
add_port(struct amilint_opts *o, const char *v)
{
	char *end;
	unsigned long n;

	errno = 0;
	n = strtoul(v, &end, 10);
	if (errno != 0 || end == v || *end != '\0' || n == 0 || n > 65535) {
		fprintf(stderr, "amilint: --port takes a TCP port, not '%s'\n",
		        v);
		return -1;
	}
	if (o->nports == AMILINT_MAX_PORTS) {
		fprintf(stderr, "amilint: too many --port options\n");
		return -1;
	}
	o->ports[o->nports++] = (unsigned)n;
	return 0;
}

static int
add_dict(struct amilint_opts *o, const char *v)
{
	if (o->ndict == AMILINT_MAX_DICT) {
		fprintf(stderr, "amilint: too many --dictionary files\n");
		return -1;
	}
	o->dict[o->ndict++] = v;
	return 0;
}

/* One setting, from the rc file or the command line. */
static int
apply(struct amilint_opts *o, int opt, const char *v)
{
	switch (opt) {
	case 'f':
		return set_format(o, v);
	case 'W':
		return set_threshold(o, v);
	case OPT_ENABLE:
		return amilint_select(o, v, true);
	case OPT_DISABLE:
		return amilint_select(o, v, false);
	case OPT_DICTIONARY:
		return add_dict(o, v);
	case OPT_TARGET:
		o->lint.target = v;
		return 0;
	case OPT_SUMMARY:
		o->summary = true;
		return 0;
	case OPT_COLOR:
		return set_color(o, v);
	case OPT_PORT:
		return add_port(o, v);
	case OPT_EXTRACT:
		o->extract = v;
		return 0;
	case OPT_PROXY:
		o->proxy = v;
		return 0;
	case OPT_UPSTREAM:
		o->upstream = v;
		return 0;
	default:
		return -1;
	}
}

/* ---- .amilintrc ------------------------------------------------------ */

static const struct {
	const char *key;
	int opt;
} rc_keys[] = {
	{"format", 'f'},
	{"severity", 'W'},
	{"enable", OPT_ENABLE},
	{"disable", OPT_DISABLE},
	{"dictionary", OPT_DICTIONARY},
	{"target-version", OPT_TARGET},
	{"summary", OPT_SUMMARY},
	{"color", OPT_COLOR},
	{"port", OPT_PORT},
};

static char *
trim(char *s)
{
	char *e;

	s += strspn(s, " \t");
	e = s + strlen(s);
	while (e > s && strchr(" \t\r\n", e[-1]) != NULL)
		*--e = '\0';
	return s;
}

static int
rc_line(struct amilint_opts *o, const char *path, unsigned long n, char *line)
{
	char *eq, *key, *val, *copy;
	size_t i;

	line = trim(line);
	if (*line == '\0' || *line == '#')
		return 0;
	if ((eq = strchr(line, '=')) == NULL) {
		fprintf(stderr, "%s:%lu: error: expected 'setting = value'\n",
		        path, n);
		return -1;
	}
	*eq = '\0';
	key = trim(line);
	val = trim(eq + 1);
	for (i = 0; i < sizeof(rc_keys) / sizeof(rc_keys[0]); i++) {
		if (strcmp(rc_keys[i].key, key) != 0)
			continue;
		if (o->nowned == sizeof(o->owned) / sizeof(o->owned[0]) ||
		    (copy = strdup(val)) == NULL) {
			fprintf(stderr, "%s:%lu: error: too many settings\n",
			        path, n);
			return -1;
		}
		o->owned[o->nowned++] = copy;
		if (rc_keys[i].opt == OPT_SUMMARY)
			o->summary = strcmp(val, "yes") == 0 ||
			             strcmp(val, "true") == 0;
		else if (apply(o, rc_keys[i].opt, copy) < 0) {
			fprintf(stderr, "%s:%lu: error: bad value for '%s'\n",
			        path, n, key);
			return -1;
		}
		return 0;
	}
	fprintf(stderr, "%s:%lu: error: unknown setting '%s'\n", path, n, key);
	return -1;
}

static int
read_rc(struct amilint_opts *o, const char *path, int must_exist)
{
	FILE *f = fopen(path, "r");
	char line[4096];
	unsigned long n = 0;
	int rc = 0;

	if (f == NULL) {
		if (!must_exist)
			return 0;
		fprintf(stderr, "amilint: %s: %s\n", path, strerror(errno));
		return -1;
	}
	while (rc == 0 && fgets(line, sizeof(line), f) != NULL)
		rc = rc_line(o, path, ++n, line);
	fclose(f);
	return rc;
}

/* .amilintrc in the current directory or the nearest parent, else $HOME. */
static int
find_rc(char *buf, size_t size)
{
	char dir[PATH_MAX];
	const char *home = getenv("HOME");
	char *slash;

	if (getcwd(dir, sizeof(dir)) != NULL)
		for (;;) {
			snprintf(buf, size, "%s/.amilintrc",
			         strcmp(dir, "/") == 0 ? "" : dir);
			if (access(buf, R_OK) == 0)
				return 1;
			if ((slash = strrchr(dir, '/')) == NULL || slash == dir)
				break;
			*slash = '\0';
		}
	snprintf(buf, size, "/.amilintrc");
	if (access(buf, R_OK) == 0)
		return 1;
	if (home != NULL) {
		snprintf(buf, size, "%s/.amilintrc", home);
		if (access(buf, R_OK) == 0)
			return 1;
	}
	return 0;
}

/* ---- the command line ---------------------------------------------------- */

static void
defaults(struct amilint_opts *o)
{
	size_t i;

	memset(o, 0, sizeof(*o));
	o->format = &diag_text;
	o->threshold = LINT_NOTE;
	for (i = 0; i < RULE__COUNT; i++)
		o->lint.enabled[i] = true;
}

/* First pass: only where the settings come from. */
static int
config_source(int argc, char **argv, const char **config, int *none)
{
	int i;

	*config = NULL;
	*none = 0;
	for (i = 1; i < argc && strcmp(argv[i], "--") != 0; i++) {
		if (strcmp(argv[i], "--no-config") == 0)
			*none = 1;
		else if (strcmp(argv[i], "--config") == 0 && i + 1 < argc)
			*config = argv[++i];
		else if (strncmp(argv[i], "--config=", 9) == 0)
			*config = argv[i] + 9;
	}
	return 0;
}

static int
load_config(struct amilint_opts *o, int argc, char **argv)
{
	const char *config;
	char found[PATH_MAX + 16];
	int none;

	config_source(argc, argv, &config, &none);
	if (config != NULL)
		return read_rc(o, config, 1);
	if (!none && find_rc(found, sizeof(found)))
		return read_rc(o, found, 0);
	return 0;
}

/* --proxy and --upstream go together, and with no input. */
static int
proxy_usage(const struct amilint_opts *o, int ninputs)
{
	const char *msg = NULL;

	if ((o->proxy == NULL) != (o->upstream == NULL))
		msg = "--proxy and --upstream go together";
	else if (o->proxy != NULL && (ninputs > 0 || o->extract != NULL))
		msg = "--proxy lints live traffic: no file, no --extract";
	if (msg == NULL)
		return optind;
	fprintf(stderr, "amilint: %s\n", msg);
	return -1;
}

int
amilint_parse(int argc, char **argv, struct amilint_opts *o, int *status)
{
	int c;

	defaults(o);
	*status = 2;
	if (load_config(o, argc, argv) < 0)
		return -1;
	while ((c = getopt_long(argc, argv, "f:W:h", longopts, NULL)) != -1) {
		switch (c) {
		case 'h':
			amilint_usage(stdout);
			*status = 0;
			return -1;
		case OPT_VERSION:
			printf("amilint %s\n", AMIDICT_VERSION);
			*status = 0;
			return -1;
		case OPT_LIST_RULES:
			o->list_rules = true;
			break;
		case OPT_NO_CONFIG:
		case OPT_CONFIG:
			break; /* read before the other options */
		case '?':
			amilint_usage(stderr);
			return -1;
		default:
			if (apply(o, c, optarg) < 0)
				return -1;
		}
	}
	return proxy_usage(o, argc - optind);
}

void
amilint_opts_free(struct amilint_opts *o)
{
	size_t i;

	for (i = 0; i < o->nowned; i++)
		free(o->owned[i]);
	o->nowned = 0;
}

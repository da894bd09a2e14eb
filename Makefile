# amidict: one GNU Makefile, out-of-tree build in $(BUILD).
#   make            build amigen and libamidict (static and shared)
#   make demo       install what is missing, then run amigen on dictionary/
#   make check      install what is missing, then the whole test suite,
#                   again under ASan+UBSan, and a clang build
#   make update-golden   rewrite golden files for review
#   make install / uninstall   (PREFIX, DESTDIR)

PREFIX    ?= /usr/local
BINDIR    ?= $(PREFIX)/bin
LIBDIR    ?= $(PREFIX)/lib
INCDIR    ?= $(PREFIX)/include/amidict
PCDIR     ?= $(LIBDIR)/pkgconfig
MANDIR    ?= $(PREFIX)/share/man
BUILD     ?= build
CC        ?= cc
PKG_CONFIG ?= pkg-config

VERSION   = 0.1.0
SOMAJOR   = 0
SONAME    = libamidict.so.$(SOMAJOR)

# Debian packages the build, the demo and the tests need.
DEBIAN_PACKAGES = build-essential pkg-config clang libclang-rt-14-dev \
	libxml2-dev libxml2-utils \
	libcmark-dev cmark check pandoc libpcap-dev mandoc man-db jq strace \
	texlive-latex-base texlive-latex-recommended texlive-fonts-recommended \
	lmodern python3 python3-jsonschema groff-base chromium time

WARN      = -std=c11 -Wall -Wextra -Werror -pedantic -Wshadow \
	-Wstrict-prototypes -Wmissing-prototypes -Wformat=2
XML_CFLAGS = $(shell $(PKG_CONFIG) --cflags libxml-2.0)
XML_LIBS   = $(shell $(PKG_CONFIG) --libs libxml-2.0)
CMARK_CFLAGS = $(shell $(PKG_CONFIG) --cflags libcmark)
CMARK_LIBS   = $(shell $(PKG_CONFIG) --libs libcmark)
PCAP_LIBS    = $(shell $(PKG_CONFIG) --libs libpcap)
CHECK_CFLAGS = $(shell $(PKG_CONFIG) --cflags check)
CHECK_LIBS   = $(shell $(PKG_CONFIG) --libs check)
CFLAGS    ?= -O2 -g
SAN       ?=
ALL_CFLAGS = $(WARN) -D_POSIX_C_SOURCE=200809L $(CFLAGS) $(SAN) -fPIC -Isrc -Igen \
	-I$(BUILD) -I$(BUILD)/generated $(XML_CFLAGS) $(CMARK_CFLAGS)
LDFLAGS   += $(SAN)

# The loader: dictionary -> model, in pipeline order.  amigen needs only
# this part (it generates the validators the rest of the library holds).
LOADER_SRC = src/arena.c src/errors.c src/version.c src/prose.c src/model.c \
	src/dict_read.c $(wildcard src/dict_read_*.c) src/dict_merge.c \
	src/dict_link.c src/dict_load.c
LOADER_OBJ = $(LOADER_SRC:%.c=$(BUILD)/%.o) $(BUILD)/schema_rng.o

# libamidict: the loader, the validators (run-time, and generated from
# dictionary/ at build time) and AMI parsing (bytes -> lines -> messages).
LIB_SRC = $(LOADER_SRC) src/validate.c src/ami_lex.c src/ami_msg.c
LIB_OBJ = $(LIB_SRC:%.c=$(BUILD)/%.o) $(BUILD)/schema_rng.o \
	$(BUILD)/generated/amid_builtin.o
LIB_HDR = src/amidict.h src/model.h src/errors.h src/validate.h \
	src/ami_lex.h src/ami_msg.h $(BUILD)/generated/amid_builtin.h

# amigen: model -> back-ends.
GEN_SRC = $(wildcard gen/*.c)
GEN_OBJ = $(GEN_SRC:%.c=$(BUILD)/%.o)

# amilint: messages -> sessions -> rules -> diagnostics; packet captures
# (cap_read: frames, cap_tcp: streams, cap_lint: sessions) feed the same.
AMILINT_SRC = src/amilint.c src/amilint_opts.c src/lint.c \
	src/lint_dict_builtin.c src/lint_dict_model.c src/ami_session.c \
	src/rule_framing.c src/rule_headers.c src/rule_dictionary.c \
	src/rule_session.c src/rule_security.c \
	src/diag_text.c src/diag_json.c src/diag_sarif.c \
	src/cap_read.c src/cap_tcp.c src/cap_lint.c src/cap_extract.c \
	src/proxy.c
AMILINT_OBJ = $(AMILINT_SRC:%.c=$(BUILD)/%.o) $(BUILD)/gen/esc_json.o \
	$(BUILD)/generated/rule.o
GENERATED_HDR = $(BUILD)/generated/amid_builtin.h $(BUILD)/generated/rule.h
DICT_XML = $(wildcard dictionary/*.xml)

UNIT_SRC = $(wildcard tests/unit/*.c)
UNIT_OBJ = $(UNIT_SRC:%.c=$(BUILD)/%.o)

all: $(BUILD)/amigen $(BUILD)/amilint $(BUILD)/libamidict.a \
	$(BUILD)/$(SONAME) $(BUILD)/amidict.pc

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -MMD -MP -c $< -o $@

$(BUILD)/schema_rng.o: $(BUILD)/schema_rng.c
	$(CC) $(ALL_CFLAGS) -c $< -o $@

$(BUILD)/tests/unit/%.o: tests/unit/%.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(CHECK_CFLAGS) -MMD -MP -c $< -o $@

# The schema is compiled into the library: no file to find at run time.
$(BUILD)/schema_rng.c: dictionary/amidict.rng
	@mkdir -p $(dir $@)
	{ echo '/* generated from dictionary/amidict.rng; do not edit */'; \
	  echo '#include "schema.h"'; \
	  echo 'const unsigned char amid_schema_rng_bytes[] = {'; \
	  od -An -v -tx1 $< | sed 's/ *\([0-9a-f][0-9a-f]\)/0x\1,/g'; \
	  echo '};'; \
	  echo "const size_t amid_schema_rng_len = $$(wc -c < $<);"; } > $@.tmp
	mv $@.tmp $@

$(BUILD)/libamidict.a: $(LIB_OBJ)
	rm -f $@
	ar rcs $@ $^

$(BUILD)/$(SONAME): $(LIB_OBJ)
	$(CC) -shared -Wl,-soname,$(SONAME) $(LDFLAGS) -o $(BUILD)/libamidict.so.$(VERSION) $^ $(XML_LIBS)
	ln -sf libamidict.so.$(VERSION) $@
	ln -sf $(SONAME) $(BUILD)/libamidict.so

$(BUILD)/amidict.pc: Makefile
	@mkdir -p $(dir $@)
	printf '%s\n' 'prefix=$(PREFIX)' 'libdir=$(LIBDIR)' \
	  'includedir=$(INCDIR)' '' 'Name: amidict' \
	  'Description: Asterisk Manager Interface dictionary and validators' \
	  'Version: $(VERSION)' 'Requires.private: libxml-2.0' \
	  'Libs: -L$${libdir} -lamidict' 'Cflags: -I$${includedir}' > $@

$(BUILD)/amigen: $(GEN_OBJ) $(LOADER_OBJ)
	$(CC) $(LDFLAGS) -o $@ $(GEN_OBJ) $(LOADER_OBJ) $(XML_LIBS) $(CMARK_LIBS)

# The project eats its own output: libamidict's validators and amilint's
# rule table are generated from dictionary/ by the amigen just built.
$(BUILD)/generated/amid_builtin.c: $(BUILD)/amigen $(DICT_XML)
	$(BUILD)/amigen -T c -n amid_builtin -o $(BUILD)/generated dictionary
$(BUILD)/generated/amid_builtin.h: $(BUILD)/generated/amid_builtin.c ;
$(BUILD)/generated/rule.c: $(BUILD)/amigen $(DICT_XML)
	$(BUILD)/amigen -T rules -n rule -o $(BUILD)/generated dictionary
$(BUILD)/generated/rule.h: $(BUILD)/generated/rule.c ;
$(BUILD)/generated/%.o: $(BUILD)/generated/%.c
	$(CC) $(ALL_CFLAGS) -c $< -o $@
$(filter-out $(GEN_OBJ),$(AMILINT_OBJ)) $(filter-out $(LOADER_OBJ),$(LIB_OBJ)): | $(GENERATED_HDR)

$(BUILD)/amilint: $(AMILINT_OBJ) $(BUILD)/libamidict.a
	$(CC) $(LDFLAGS) -o $@ $(AMILINT_OBJ) $(BUILD)/libamidict.a $(XML_LIBS) \
	  $(PCAP_LIBS)

# Test tools.
$(BUILD)/unmark: tests/tools/unmark.c
	$(CC) $(WARN) $(CFLAGS) $(SAN) $(LDFLAGS) -o $@ $<
$(BUILD)/sessionlog: tests/tools/sessionlog.c
	$(CC) $(WARN) $(CFLAGS) $(SAN) $(LDFLAGS) -o $@ $<

$(BUILD)/unit: $(UNIT_OBJ) $(filter-out $(BUILD)/gen/amigen.o,$(GEN_OBJ)) $(BUILD)/libamidict.a
	$(CC) $(LDFLAGS) -o $@ $^ $(XML_LIBS) $(CMARK_LIBS) $(CHECK_LIBS)

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)

# ---- setup --------------------------------------------------------------

deps:
	@sh tests/deps.sh $(DEBIAN_PACKAGES)

# ---- demo ---------------------------------------------------------------

demo: deps
	@$(MAKE) --no-print-directory demo-run

demo-run: all
	@sh tests/demo.sh $(BUILD)

# ---- tests --------------------------------------------------------------

check: deps
	@$(MAKE) --no-print-directory check-run

# The whole suite, then again with sanitizers, then a clang build.
check-run: tests-run
	@$(MAKE) --no-print-directory BUILD=$(BUILD)/asan \
	  SAN='-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer' \
	  CFLAGS='-O1 -g' tests-run
	@$(MAKE) --no-print-directory BUILD=$(BUILD)/clang CC=clang all
	@echo 'check: all tests passed (plain, ASan+UBSan, clang build)'

# Every tests/run-*.sh takes the build directory and exits non-zero on failure.
tests-run: all $(BUILD)/unit $(BUILD)/unmark $(BUILD)/sessionlog
	CK_FORK=no $(BUILD)/unit
	@for t in tests/run-*.sh; do echo "== $$t"; sh $$t $(BUILD) || exit 1; done

update-golden: all $(BUILD)/unmark $(BUILD)/sessionlog
	sh tests/run-golden.sh $(BUILD) --update
	sh tests/update-lint-golden.sh $(BUILD)
	sh tests/run-captures.sh $(BUILD) --update
	sh tests/run-pcap.sh $(BUILD) --update

# ---- benchmarks (never part of check) ------------------------------------

# Header look-ups side by side (run.sh); amilint against wc -l and awk on
# a generated transcript of BENCH_MB MiB (run-lint.sh, docs/performance.md).
BENCH_MB ?= 300
BENCH_CAPTURE_MB ?= 500
# What only the benchmarks compare against (installed by make bench).
BENCH_PACKAGES = gperf time tcpdump tshark

bench: $(BUILD)/amigen $(BUILD)/amilint
	@sh tests/deps.sh $(BENCH_PACKAGES)
	@sh tests/bench/run.sh $(BUILD)
	@sh tests/bench/run-lint.sh $(BUILD) $(BENCH_MB)
	@sh tests/bench/run-proxy.sh $(BUILD) $(BENCH_MB)
	@sh tests/bench/run-capture.sh $(BUILD) $(BENCH_CAPTURE_MB)

# libFuzzer on the three parsers (AMI, dictionary, captures), longer than
# make check's short run.
FUZZ_SECONDS ?= 600
fuzz: deps
	@$(MAKE) --no-print-directory all
	sh tests/run-fuzz.sh $(BUILD) $(FUZZ_SECONDS)

# ---- documents ------------------------------------------------------------

PDF_DIR = $(BUILD)/pdf
PDF_NAME = ami-reference
PDFLATEX = pdflatex -interaction=nonstopmode -halt-on-error
PDF_UNCLEAN = (Reference|Citation|Hyper reference) .* undefined|There were undefined|Rerun to get|Label\(s\) may have changed

# The reference as a PDF: pdflatex, makeindex, pdflatex; fails on any
# error and when the final log still has undefined references.
pdf: $(BUILD)/amigen
	@mkdir -p $(PDF_DIR)
	cd $(PDF_DIR) && rm -f $(PDF_NAME).aux $(PDF_NAME).toc $(PDF_NAME).out $(PDF_NAME).idx $(PDF_NAME).ind
	$(BUILD)/amigen -T latex -o $(PDF_DIR)/$(PDF_NAME).tex dictionary
	cd $(PDF_DIR) && export max_print_line=10000 && \
	  $(PDFLATEX) $(PDF_NAME).tex > /dev/null && \
	  makeindex -q $(PDF_NAME).idx && \
	  $(PDFLATEX) $(PDF_NAME).tex > /dev/null || \
	  { echo "pdf: failed, see $(PDF_DIR)/$(PDF_NAME).log"; exit 1; }
	! grep -aE '$(PDF_UNCLEAN)' $(PDF_DIR)/$(PDF_NAME).log
	@echo "pdf: $(PDF_DIR)/$(PDF_NAME).pdf"

# Every reference for the real dictionary: man pages, the PDF, Markdown,
# HTML, and pandoc's single-page HTML of the Markdown.
docs: man pdf
	rm -rf $(BUILD)/docs/markdown $(BUILD)/docs/html
	$(BUILD)/amigen -T markdown -o $(BUILD)/docs/markdown dictionary
	$(BUILD)/amigen -T html -o $(BUILD)/docs/html dictionary
	sh docs/single-page.sh $(BUILD)/docs/markdown $(BUILD)/docs/ami-reference.html
	@echo "docs: $(BUILD)/man/ $(PDF_DIR)/$(PDF_NAME).pdf" \
	  "$(BUILD)/docs/html/index.html $(BUILD)/docs/ami-reference.html"

# The committed Markdown reference (make check fails when it is stale).
reference: $(BUILD)/amigen
	rm -rf docs/reference
	$(BUILD)/amigen -T markdown -o docs/reference dictionary

# Man pages generated from the dictionary.
man: $(BUILD)/man/man7/ami.7
$(BUILD)/man/man7/ami.7: $(BUILD)/amigen $(wildcard dictionary/*.xml)
	rm -rf $(BUILD)/man
	$(BUILD)/amigen -T man -o $(BUILD)/man dictionary

# ---- install ------------------------------------------------------------

install: all man
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(LIBDIR) $(DESTDIR)$(INCDIR) \
	  $(DESTDIR)$(PCDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man7
	install -m 644 docs/amigen.1 $(DESTDIR)$(MANDIR)/man1/amigen.1
	install -m 644 $(BUILD)/man/man7/*.7 $(DESTDIR)$(MANDIR)/man7/
	install -m 755 $(BUILD)/amigen $(DESTDIR)$(BINDIR)/amigen
	install -m 755 $(BUILD)/amilint $(DESTDIR)$(BINDIR)/amilint
	install -m 644 docs/amilint.1 $(DESTDIR)$(MANDIR)/man1/amilint.1
	install -m 644 $(BUILD)/libamidict.a $(DESTDIR)$(LIBDIR)/
	install -m 755 $(BUILD)/libamidict.so.$(VERSION) $(DESTDIR)$(LIBDIR)/
	ln -sf libamidict.so.$(VERSION) $(DESTDIR)$(LIBDIR)/$(SONAME)
	ln -sf $(SONAME) $(DESTDIR)$(LIBDIR)/libamidict.so
	install -m 644 $(LIB_HDR) $(DESTDIR)$(INCDIR)/
	install -m 644 $(BUILD)/amidict.pc $(DESTDIR)$(PCDIR)/amidict.pc

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/amigen $(DESTDIR)$(BINDIR)/amilint \
	  $(DESTDIR)$(LIBDIR)/libamidict.a \
	  $(DESTDIR)$(LIBDIR)/libamidict.so.$(VERSION) \
	  $(DESTDIR)$(LIBDIR)/$(SONAME) $(DESTDIR)$(LIBDIR)/libamidict.so \
	  $(DESTDIR)$(PCDIR)/amidict.pc
	rm -f $(addprefix $(DESTDIR)$(INCDIR)/,$(notdir $(LIB_HDR)))
	rm -f $(DESTDIR)$(MANDIR)/man1/amigen.1 $(DESTDIR)$(MANDIR)/man1/amilint.1 \
	  $(DESTDIR)$(MANDIR)/man7/amilint-rules.7 $(DESTDIR)$(MANDIR)/man7/ami.7 \
	  $(DESTDIR)$(MANDIR)/man7/ami-headers.7 \
	  $(DESTDIR)$(MANDIR)/man7/ami-action-*.7 \
	  $(DESTDIR)$(MANDIR)/man7/ami-event-*.7
	-rmdir $(DESTDIR)$(INCDIR)

clean:
	rm -rf $(BUILD)

.PHONY: fuzz docs reference bench man pdf all deps demo demo-run check check-run tests-run update-golden \
	install uninstall clean

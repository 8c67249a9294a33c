# Little Hypervisor -- the book's Makefile.  Appendix B of the book
# ("How This Book Is Built") explains every rule here; `make help' lists
# the targets.  V=1 shows the full commands instead of one line a step.

SHELL := /bin/bash
.DEFAULT_GOAL := all
.DELETE_ON_ERROR:
.SUFFIXES:
NPROC    := $(shell nproc 2>/dev/null || echo 2)
MAKEFLAGS += --no-print-directory -j$(NPROC)

BUILD    := build
CHAPTERS := $(sort $(wildcard chapters/*.nw))

# Quiet by default, like the Linux kernel's build: `say' prints one short
# line per step, `Q' hides the command itself.  V=1 shows commands only,
# make -s nothing.
ifeq ($(V),1)
  Q :=
  say = :
else ifneq ($(findstring s,$(firstword -$(MAKEFLAGS))),)
  Q := @
  say = :
else
  Q := @
  say = printf '  %-7s %s\n'
endif

# ---------------------------------------------------------------- help
.PHONY: help
help:
	@echo 'Little Hypervisor: the book and the hypervisor it tangles into.'
	@echo
	@echo '  make run       build, then boot the Guest into its shell, with'
	@echo '                 build/disk.tar as its disk (DISK=FILE[,ro] or'
	@echo '                 DISK= for none; GUEST=FILE or a test Guest name'
	@echo '                 boots another; ARGS=... for lhv, GUEST_ARGS=...'
	@echo '                 for the Guest command line)'
	@echo '  make test      build and run all tests; T=PATTERN runs the'
	@echo '                 matching ones (a Catch2 name pattern or [tag])'
	@echo '  make debug     boot unoptimized copies, stopped, under gdb'
	@echo '                 (GDB_PORT=1234 chooses the port)'
	@echo '  make pdf       the book: $(BUILD)/book.pdf'
	@echo '  make html      the online edition: $(BUILD)/html/index.html'
	@echo '  make check-html  every page of it loaded in headless'
	@echo '                 Chromium: links, figures, no LaTeX left'
	@echo '  make check     generated files fresh, chunks sound, lines'
	@echo '                 short, references defined, every chapter up to'
	@echo '                 the standard, labs honest (builds the PDF)'
	@echo '  make bench     instruction counts and timings (Mastery chapter)'
	@echo '  make fuzz      run each fuzz harness for FUZZ_SECONDS (60)'
	@echo '  make labs      list the labs; make lab LAB=NAME writes your'
	@echo '                 copy to lab/NAME, make grade LAB=NAME scores it'
	@echo '  make tangle    chapters/*.nw -> tangled/ and tests/ (make all,'
	@echo '                 run and test do it when a chapter changed)'
	@echo '  make all       tangle if needed, build lhv, Host, Guest, test'
	@echo '                 Guests'
	@echo '  make deps      install the build and book packages (Debian);'
	@echo '                 deps-build and deps-book install one set each'
	@echo '  make clean     remove $(BUILD)/'
	@echo
	@echo 'V=1 shows every command in full.'

# ---------------------------------------------------------------- deps
# Two main sets, so that a lab machine can build, run and test without
# the 430 MiB of TeX and Pandoc that only the book needs; the fuzzers'
# compiler (make fuzz) and Chromium (make check-html) are sets of their
# own, installed only by the goals that use them.
DEPS_BUILD := make g++ g++-multilib binutils catch2 noweb qemu-system-x86 \
  gdb iproute2
DEPS_BOOK  := pandoc texlive-latex-base texlive-latex-recommended \
  texlive-pictures texlive-fonts-recommended lmodern latexmk \
  poppler-utils
DEPS_FUZZ  := clang-14 libfuzzer-14-dev

.PHONY: deps deps-build deps-book
deps: deps-build deps-book
deps-build:
	@book/bin/deps.sh build $(DEPS_BUILD)
deps-book: | deps-build    # weaving needs noweb; and one apt-get at a time
	@book/bin/deps.sh book $(DEPS_BOOK)

# ---------------------------------------------------------------- tangle
# `make tangle' asks the script, which returns at once when no chapter
# changed and every file it wrote is intact.  The goals that build depend
# instead on a stamp that is older than some chapter only when a chapter
# changed, so an unchanged book costs them nothing at all.  The stamp is
# a makefile that this makefile includes: when make remakes it, make
# starts again from the top, and the file lists below see what tangling
# produced.
TANGLE_STAMP := $(BUILD)/tangle.mk

.PHONY: tangle
tangle: | deps-build
	@book/bin/tangle.sh
	@mkdir -p $(BUILD) && echo '# tangled' > $(TANGLE_STAMP)

$(TANGLE_STAMP): $(CHAPTERS) book/bin/tangle.sh | deps-build
	@$(say) TANGLE chapters
	$(Q)book/bin/tangle.sh
	@mkdir -p $(@D) && echo '# tangled' > $@

# Goals that build code include the stamp; the book's goals and the
# housekeeping ones do not.  `make check' must see the committed files
# as they are: it builds from them, without tangling, and then checks
# that they are what the chapters produce.
NO_TANGLE_GOALS := help deps deps-build deps-book tangle pdf html check \
  clean labs lab grade check-html deps-html
ifneq ($(filter-out $(NO_TANGLE_GOALS),$(or $(MAKECMDGOALS),all)),)
  include $(TANGLE_STAMP)
endif

# Files that exist once tangled.
HOST_SRC     := $(sort $(wildcard tangled/host/*.cpp tangled/host/*.S \
                  tangled/host/*/*.cpp tangled/host/*/*.S \
                  tangled/switcher/*.cpp tangled/switcher/*.S))
GUEST_SRC    := $(sort $(wildcard tangled/guest/*.cpp tangled/guest/*.S))
LAUNCHER_SRC := $(sort $(wildcard tangled/launcher/*.cpp))
UNIT_SRC     := $(sort $(wildcard tests/abi/*.cpp tests/launcher/*.cpp \
                  tests/host/*.cpp))
INTEG_SRC    := $(sort $(wildcard tests/integration/*.cpp))
TGUEST_SRC   := $(sort $(wildcard tests/guests/*.S))

# ---------------------------------------------------------------- flags
# The Host and the Guest are freestanding 32-bit programs.  Everything is
# compiled with -pipe: GCC's passes then talk through pipes, not temporary
# files, so an interrupted build leaves none behind.
KCXX     := g++
KFLAGS_COMMON := -pipe -m32 -march=i686 -std=c++20 -ffreestanding -fno-pic \
  -fno-pie -fno-stack-protector -nostdlib -mgeneral-regs-only \
  -fno-exceptions -fno-rtti -fno-threadsafe-statics \
  -fno-asynchronous-unwind-tables -g -Wall -Wextra -Itangled -MMD -MP
KFLAGS   := $(KFLAGS_COMMON) -O2
KFLAGS_DEBUG := $(KFLAGS_COMMON) -Og
LIBGCC32  = $(shell $(KCXX) -m32 -print-libgcc-file-name)
CXX      := g++
CXXFLAGS := -pipe -std=c++20 -O2 -g -Wall -Wextra -Itangled -MMD -MP
TESTFLAGS := -pipe -std=c++20 -O1 -g -Wall -Wextra -Itangled -MMD -MP

obj32 = $(patsubst tangled/%,$(BUILD)/obj32/%.o,$(1))
objdbg = $(patsubst tangled/%,$(BUILD)/debug/obj/%.o,$(1))
obj64 = $(patsubst %,$(BUILD)/obj/%.o,$(1))

# Every compile waits for the build tools (order-only: a phony target
# that runs once per make, and never makes anything out of date).
$(BUILD)/obj32/%.o: tangled/% | deps-build
	@mkdir -p $(@D)
	@$(say) CC $*
	$(Q)$(KCXX) $(KFLAGS) -c $< -o $@
$(BUILD)/debug/obj/%.o: tangled/% | deps-build
	@mkdir -p $(@D)
	@$(say) CC-Og $*
	$(Q)$(KCXX) $(KFLAGS_DEBUG) -c $< -o $@
$(BUILD)/obj/tangled/%.cpp.o: tangled/%.cpp | deps-build
	@mkdir -p $(@D)
	@$(say) CXX $*.cpp
	$(Q)$(CXX) $(CXXFLAGS) -c $< -o $@
$(BUILD)/obj/tests/%.cpp.o: tests/%.cpp | deps-build
	@mkdir -p $(@D)
	@$(say) CXX tests/$*.cpp
	$(Q)$(CXX) $(TESTFLAGS) -c $< -o $@

# ---------------------------------------------------------------- user programs
# The Guest's programs (Appendix E): tangled/user/programs/NAME.cpp is the
# program build/user/bin/NAME, a static i386 executable linked with the
# start code and library in tangled/user/ by tangled/user/user.ld.  GNU
# tar packs them, always the same way, into a ustar archive that
# tangled/guest/programs.S puts into the Guest's image.  Their tests (and
# the Guest's other unit tests) are in tests/guest/.
USER_PROGRAM_SRC := $(sort $(wildcard tangled/user/programs/*.cpp))
USER_PROGRAMS    := $(notdir $(basename $(USER_PROGRAM_SRC)))
USER_LIB_SRC     := $(sort $(wildcard tangled/user/*.cpp tangled/user/*.S))
USER_BINS        := $(addprefix $(BUILD)/user/bin/,$(USER_PROGRAMS))
PROGRAMS_TAR     := $(BUILD)/guest/programs.tar
UNIT_SRC         += $(sort $(wildcard tests/guest/*.cpp))

$(USER_BINS): $(BUILD)/user/bin/%: $(BUILD)/obj32/user/programs/%.cpp.o \
                $(call obj32,$(USER_LIB_SRC)) tangled/user/user.ld
	@mkdir -p $(@D)
	@$(say) LD $@
	$(Q)ld -m elf_i386 -T tangled/user/user.ld --strip-debug -o $@ \
	  $(filter %.o,$^) $(LIBGCC32)

$(PROGRAMS_TAR): $(USER_BINS)
	@mkdir -p $(@D)
	@$(say) TAR $@
	$(Q)tar --format=ustar --owner=0 --group=0 --numeric-owner \
	  --mtime=@0 --mode=u=rwX,go=rX --sort=name -C $(BUILD)/user \
	  --no-recursion -cf $@ bin $(addprefix bin/,$(USER_PROGRAMS))

# The disk make run boots with (Appendix E): the book's chapters and the
# programs, as a ustar archive made the same way every time.
DISK_TAR := $(BUILD)/disk.tar
$(DISK_TAR): $(USER_BINS) $(wildcard chapters/*.nw)
	@mkdir -p $(@D)
	@$(say) TAR $@
	$(Q)tar --format=ustar --owner=0 --group=0 --numeric-owner \
	  --mtime=@0 --mode=u=rwX,go=rX --sort=name \
	  -cf $@ -C $(BUILD)/user bin -C $(CURDIR) chapters

# .incbin is invisible to the compiler's dependency lists: say it here.
PROGRAMS_OBJ := $(call obj32,tangled/guest/programs.S) \
                $(call objdbg,tangled/guest/programs.S)
$(PROGRAMS_OBJ): $(PROGRAMS_TAR)
$(PROGRAMS_OBJ): private KFLAGS += -DPROGRAMS_ARCHIVE='"$(PROGRAMS_TAR)"'
$(PROGRAMS_OBJ): private KFLAGS_DEBUG += \
  -DPROGRAMS_ARCHIVE='"$(PROGRAMS_TAR)"'

programs: $(PROGRAMS_TAR) $(DISK_TAR)

# ---------------------------------------------------------------- programs
HOST_ELF  := $(BUILD)/host/host.elf
GUEST_ELF := $(BUILD)/guest/guest.elf
LHV_BIN   := $(BUILD)/lhv
HOST_DEBUG  := $(BUILD)/debug/host.elf
GUEST_DEBUG := $(BUILD)/debug/guest.elf

# link32 SCRIPT, OBJECTS: link a freestanding 32-bit program.
link32 = ld -m elf_i386 -T $(1) -o $@ $(2) $(LIBGCC32)

$(HOST_ELF): $(call obj32,$(HOST_SRC)) tangled/host/host.ld
	@mkdir -p $(@D)
	@$(say) LD $@
	$(Q)$(call link32,tangled/host/host.ld,$(call obj32,$(HOST_SRC)))
$(GUEST_ELF): $(call obj32,$(GUEST_SRC)) tangled/guest/guest.ld
	@mkdir -p $(@D)
	@$(say) LD $@
	$(Q)$(call link32,tangled/guest/guest.ld,$(call obj32,$(GUEST_SRC)))
$(HOST_DEBUG): $(call objdbg,$(HOST_SRC)) tangled/host/host.ld
	@mkdir -p $(@D)
	@$(say) LD $@
	$(Q)$(call link32,tangled/host/host.ld,$(call objdbg,$(HOST_SRC)))
$(GUEST_DEBUG): $(call objdbg,$(GUEST_SRC)) tangled/guest/guest.ld
	@mkdir -p $(@D)
	@$(say) LD $@
	$(Q)$(call link32,tangled/guest/guest.ld,$(call objdbg,$(GUEST_SRC)))

LAUNCHER_OBJ     := $(call obj64,$(LAUNCHER_SRC))
LAUNCHER_LIB_OBJ := $(filter-out %/main.cpp.o,$(LAUNCHER_OBJ))

$(LHV_BIN): $(LAUNCHER_OBJ)
	@mkdir -p $(@D)
	@$(say) LD $@
	$(Q)$(CXX) -o $@ $^

# Test Guests: one tiny assembly program each, linked like the Guest.
TGUESTS := $(patsubst tests/guests/%.S,$(BUILD)/tests/guests/%.elf,$(TGUEST_SRC))
$(BUILD)/tests/guests/%.elf: tests/guests/%.S tests/guests/guest.ld | deps-build
	@mkdir -p $(@D)
	@$(say) AS tests/guests/$*.S
	$(Q)$(KCXX) $(KFLAGS) -c $< -o $(@:.elf=.o)
	$(Q)ld -m elf_i386 -T tests/guests/guest.ld -o $@ $(@:.elf=.o)

PROGRAMS := $(if $(HOST_SRC),$(HOST_ELF)) $(if $(GUEST_SRC),$(GUEST_ELF)) \
            $(if $(LAUNCHER_SRC),$(LHV_BIN))

# ---------------------------------------------------------------- tests
UNIT_BIN  := $(BUILD)/tests/unit
INTEG_BIN := $(BUILD)/tests/integration

$(UNIT_BIN): $(call obj64,$(UNIT_SRC)) $(LAUNCHER_LIB_OBJ)
	@mkdir -p $(@D)
	@$(say) LD $@
	$(Q)$(CXX) -o $@ $^ -lCatch2WithMain
$(INTEG_BIN): $(call obj64,$(INTEG_SRC)) $(LAUNCHER_LIB_OBJ)
	@mkdir -p $(@D)
	@$(say) LD $@
	$(Q)$(CXX) -o $@ $^ -lCatch2WithMain

TEST_BINS := $(if $(UNIT_SRC),$(UNIT_BIN)) $(if $(INTEG_SRC),$(INTEG_BIN))

# ---------------------------------------------------------------- goals
.PHONY: all programs test run debug
all: programs
	@:
programs: $(PROGRAMS) $(TGUESTS)
	@:

# T=PATTERN chooses tests by Catch2 name pattern or [tag].  The recipe
# reads it from the environment, so that any quote in it is harmless.
export T
test: programs $(TEST_BINS)
	@book/bin/run-tests.sh $(if $(T),-t "$$T") $(TEST_BINS) \
	  $(if $(T),,book/bin/build-tests.sh)

# GUEST=FILE boots another Guest; a bare name such as GUEST=ud2 means the
# test Guest of that name.  Only what that run needs is built.
# The book's Guest gets the disk DISK (read-only; DISK= for none) and
# starts the shell; GUEST_ARGS come after init=sh, so init=NAME wins.
GUEST ?= $(GUEST_ELF)
RUN_GUEST := $(if $(findstring /,$(GUEST)),$(GUEST),$(BUILD)/tests/guests/$(GUEST:.elf=).elf)
DISK ?= $(DISK_TAR),ro
BOOK_RUN := $(filter $(GUEST_ELF),$(RUN_GUEST))
run: $(LHV_BIN) $(HOST_ELF) $(filter $(GUEST_ELF) $(TGUESTS),$(RUN_GUEST)) \
     $(if $(BOOK_RUN),$(filter $(DISK_TAR),$(DISK:,ro=)))
	$(Q)$(LHV_BIN) $(if $(and $(BOOK_RUN),$(DISK)),--block $(DISK)) \
	  $(ARGS) $(RUN_GUEST) \
	  $(if $(or $(BOOK_RUN),$(GUEST_ARGS)),-- $(if $(BOOK_RUN),init=sh) $(GUEST_ARGS))

# make debug takes GUEST= as make run does; the book's Guest is then its
# unoptimized copy.
GDB_PORT ?= 1234
DEBUG_GUEST := $(if $(filter $(GUEST_ELF),$(RUN_GUEST)),$(GUEST_DEBUG),$(RUN_GUEST))
debug: $(LHV_BIN) $(HOST_DEBUG) $(filter $(GUEST_DEBUG) $(TGUESTS),$(DEBUG_GUEST))
	$(Q)book/bin/debug.sh $(LHV_BIN) $(HOST_DEBUG) $(DEBUG_GUEST) $(GDB_PORT)

# ---------------------------------------------------------------- book
WOVEN   := $(BUILD)/woven/chapters.tex
FIGURES := $(wildcard figures/*)
BOOKSRC := $(wildcard book/*.tex book/*.sty) book.bib $(FIGURES)

# noweave -n -index -latex, spelled out, with two filters added between
# finding the identifiers' uses and indexing them (Appendix B, Weaving).
NOWEB_LIB := /usr/lib/noweb
$(WOVEN): $(CHAPTERS) book/bin/uses-in-code.awk book/bin/member-uses.awk \
          | deps-book
	@mkdir -p $(@D)
	@$(say) WEAVE chapters
	$(Q)$(NOWEB_LIB)/markup $(CHAPTERS) | $(NOWEB_LIB)/finduses | \
	    book/bin/uses-in-code.awk | book/bin/member-uses.awk | \
	    $(NOWEB_LIB)/noidx | $(NOWEB_LIB)/totex > $@.tmp
	$(Q)mv $@.tmp $@

LATEXENV := TEXINPUTS=$(CURDIR)/book:$(CURDIR)/$(BUILD)/woven:$(CURDIR): \
            BIBINPUTS=$(CURDIR): BSTINPUTS=$(CURDIR)/book:

# ---------------------------------------------------------------- fuzzing
# make fuzz: every libFuzzer harness in tests/fuzz/ (each tangled from a
# chapter) is built with clang, AddressSanitizer and UBSan, linked with
# the Launcher's library built the same way, and run for FUZZ_SECONDS
# seconds by book/bin/fuzz.sh.  Its compiler is a third set of packages,
# which only this goal installs.  Everything it makes or finds stays
# under $(BUILD)/fuzz/.
FUZZ_SECONDS ?= 60
FUZZ_CXX   := clang++-14
FUZZ_FLAGS := -pipe -std=c++20 -O1 -g -Wall -Wextra -Itangled -MMD -MP \
  -fsanitize=address,undefined -fno-sanitize-recover=all
FUZZ_SRC   := $(sort $(wildcard tests/fuzz/*.cpp))
FUZZ_BINS  := $(patsubst tests/fuzz/%.cpp,$(BUILD)/fuzz/bin/%,$(FUZZ_SRC))
FUZZ_OBJ   := $(patsubst tangled/%,$(BUILD)/fuzz/obj/%.o,\
                $(filter-out %/main.cpp,$(LAUNCHER_SRC)))
FUZZ_LIB   := $(BUILD)/fuzz/launcher.a

.PHONY: fuzz deps-fuzz
fuzz: $(FUZZ_BINS)
	@book/bin/fuzz.sh $(FUZZ_SECONDS) $(BUILD)/fuzz $(FUZZ_BINS)
deps-fuzz: | deps-build
	@book/bin/deps.sh fuzz $(DEPS_FUZZ)

# The library is instrumented for coverage (fuzzer-no-link), so that
# libFuzzer sees which of its branches an input reached; an archive, so
# that a harness links only the objects it uses.
$(BUILD)/fuzz/obj/%.o: tangled/% | deps-fuzz
	@mkdir -p $(@D)
	@$(say) FUZZCC $*
	$(Q)$(FUZZ_CXX) $(FUZZ_FLAGS) -fsanitize=fuzzer-no-link -c $< -o $@
$(FUZZ_LIB): $(FUZZ_OBJ)
	@$(say) AR $@
	$(Q)rm -f $@ && ar rcs $@ $^
$(BUILD)/fuzz/bin/%: tests/fuzz/%.cpp $(FUZZ_LIB) | deps-fuzz
	@mkdir -p $(@D)
	@$(say) FUZZLD $@
	$(Q)$(FUZZ_CXX) $(FUZZ_FLAGS) -fsanitize=fuzzer $< $(FUZZ_LIB) -o $@

# ---------------------------------------------------------------- online edition
# `make html' writes the online edition, again only when something it is
# made from changed; `make check-html' loads each of its pages in headless
# Chromium, the one tool that only this check needs, and so installs it
# apart.
HTML_INDEX := $(BUILD)/html/index.html
HTML_SRC := $(CHAPTERS) $(FIGURES) book/preface.tex book/lhv.sty \
  book/mastery-table.tex book.bib book/book.css book/bin/html.sh \
  book/bin/nw2pandoc.awk book/bin/uses-in-code.awk \
  book/bin/member-uses.awk book/html/book.lua
DEPS_HTML := chromium
.PHONY: check-html deps-html
html: $(HTML_INDEX)
	@:
$(HTML_INDEX): $(HTML_SRC) | deps-book
	@$(say) HTML $(@D)
	$(Q)book/bin/html.sh $(@D)
check-html: $(HTML_INDEX) | deps-html
	@book/bin/check-html.sh $(BUILD)/html
deps-html: | deps-book
	@book/bin/deps.sh html $(DEPS_HTML)

# ---------------------------------------------------------------- labs
# A lab blanks out chunks of the book; the student writes them again in a
# copy of their own, lab/NAME, and grades it with the book's own tests.
.PHONY: labs lab grade
labs:
	@book/bin/lab.sh list
lab: | deps-build
	@$(if $(LAB),book/bin/lab.sh make '$(LAB)' lab/$(LAB),\
	  echo 'make lab LAB=NAME: choose a lab from make labs'; exit 2)
grade: | deps-build
	@$(if $(LAB),book/bin/lab.sh grade '$(LAB)' lab/$(LAB),\
	  echo 'make grade LAB=NAME: choose a lab from make labs'; exit 2)

.PHONY: pdf html check bench clean
pdf: $(BUILD)/book.pdf
	@:
$(BUILD)/book.pdf: $(WOVEN) $(BOOKSRC) | deps-book
	@mkdir -p $(BUILD)/latex
	@$(say) LATEX book/book.tex
	$(Q)$(LATEXENV) latexmk -pdf -interaction=nonstopmode -halt-on-error \
	  -silent -outdir=$(BUILD)/latex book/book.tex >/dev/null || \
	  { grep -A4 -E '^!|Error' $(BUILD)/latex/book.log | head -40; \
	    exit 1; }
	$(Q)cp $(BUILD)/latex/book.pdf $@
	@grep -E 'LaTeX Warning: (Reference|Citation).*undefined' \
	  $(BUILD)/latex/book.log | sort -u || true
	@echo "pdf: $@ ($$(pdfinfo $@ 2>/dev/null | \
	  awk '/^Pages/{print $$2}') pages)"

check: pdf programs $(TEST_BINS) | deps-build
	@book/bin/lab.sh check
	@book/bin/check.sh

# The Launcher's own benchmarks (Mastery chapter): tests/bench/NAME.cpp
# is the program build/bench/bin/NAME, linked with the Launcher's code.
BENCH_SRC  := $(sort $(wildcard tests/bench/*.cpp))
BENCH_BINS := $(patsubst tests/bench/%.cpp,$(BUILD)/bench/bin/%,$(BENCH_SRC))
$(BENCH_BINS): $(BUILD)/bench/bin/%: $(BUILD)/obj/tests/bench/%.cpp.o \
                $(LAUNCHER_LIB_OBJ)
	@mkdir -p $(@D)
	@$(say) LD $@
	$(Q)$(CXX) -o $@ $^

bench: programs $(BENCH_BINS) $(DISK_TAR)
	@book/bin/bench.sh

clean:
	rm -rf $(BUILD)

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)

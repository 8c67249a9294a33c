# Little Hypervisor -- the book's Makefile.  Appendix B of the book
# ("How This Book Is Built") explains every rule here.
#
#   make tangle        chapters/*.nw -> tangled/ and tests/
#   make test          build and run the unit and integration tests
#   make run           build everything and boot the Guest
#   make debug         as run, but wait for gdb (Host and Guest symbols)
#   make pdf           the book, build/book.pdf
#   make html          the HTML edition, build/html/index.html
#   make check         generated files fresh, chunks sound, lines short,
#                      references defined
#   make bench         instruction counts and timings (Mastery chapter)
#   make deps          install the Debian packages all of this needs
#   make clean

SHELL := /bin/bash
.DEFAULT_GOAL := all
.DELETE_ON_ERROR:
.SUFFIXES:

BUILD    := build
CHAPTERS := $(sort $(wildcard chapters/*.nw))

# ---------------------------------------------------------------- deps
DEB_PACKAGES := make g++ g++-multilib binutils catch2 noweb pandoc \
  texlive-latex-base texlive-latex-recommended texlive-pictures \
  texlive-fonts-recommended lmodern latexmk poppler-utils \
  qemu-system-x86 gdb

.PHONY: deps
deps:
	@missing=$$(for p in $(DEB_PACKAGES); do \
	  dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | \
	    grep -q 'install ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "deps: installing" $$missing; \
	    apt-get update -qq && \
	    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
	      --no-install-recommends $$missing >/dev/null || exit 1; \
	  else \
	    echo "deps: missing Debian packages. Run this once, then retry:"; \
	    echo "  sudo apt-get install -y --no-install-recommends" \
	      $$missing; \
	    exit 1; \
	  fi; \
	fi

# ---------------------------------------------------------------- tangle
.PHONY: tangle
tangle:
	@book/bin/tangle.sh

# Files that exist once tangled.  Evaluated when make reads this file, so
# targets that tangle first re-run make (see the `test' rule).
HOST_SRC     := $(sort $(shell find tangled/host tangled/switcher \
                  -type f \( -name '*.cpp' -o -name '*.S' \) 2>/dev/null))
GUEST_SRC    := $(sort $(wildcard tangled/guest/*.cpp tangled/guest/*.S))
LAUNCHER_SRC := $(sort $(wildcard tangled/launcher/*.cpp))
UNIT_SRC     := $(sort $(wildcard tests/abi/*.cpp tests/launcher/*.cpp \
                  tests/host/*.cpp))
INTEG_SRC    := $(sort $(wildcard tests/integration/*.cpp))
TGUEST_SRC   := $(sort $(wildcard tests/guests/*.S))

# ---------------------------------------------------------------- flags
# The Host and the Guest are freestanding 32-bit programs (DESIGN.md 8).
KCXX     := g++
KFLAGS   := -m32 -march=i686 -std=c++20 -ffreestanding -fno-pic -fno-pie \
  -fno-stack-protector -nostdlib -mgeneral-regs-only -fno-exceptions \
  -fno-rtti -fno-threadsafe-statics -fno-asynchronous-unwind-tables \
  -O2 -g -Wall -Wextra -Itangled -MMD -MP
LIBGCC32  = $(shell $(KCXX) -m32 -print-libgcc-file-name)
CXX      := g++
CXXFLAGS := -std=c++20 -O2 -g -Wall -Wextra -Itangled -MMD -MP
TESTFLAGS := -std=c++20 -O1 -g -Wall -Wextra -Itangled -MMD -MP

obj32 = $(patsubst tangled/%,$(BUILD)/obj32/%.o,$(1))
obj64 = $(patsubst %,$(BUILD)/obj/%.o,$(1))

$(BUILD)/obj32/%.cpp.o: tangled/%.cpp
	@mkdir -p $(@D)
	$(KCXX) $(KFLAGS) -c $< -o $@
$(BUILD)/obj32/%.S.o: tangled/%.S
	@mkdir -p $(@D)
	$(KCXX) $(KFLAGS) -c $< -o $@
$(BUILD)/obj/tangled/%.cpp.o: tangled/%.cpp
	@mkdir -p $(@D)
	$(CXX) $(CXXFLAGS) -c $< -o $@
$(BUILD)/obj/tests/%.cpp.o: tests/%.cpp
	@mkdir -p $(@D)
	$(CXX) $(TESTFLAGS) -c $< -o $@

# ---------------------------------------------------------------- programs
HOST_ELF  := $(BUILD)/host/host.elf
GUEST_ELF := $(BUILD)/guest/guest.elf
LHV_BIN   := $(BUILD)/lhv

$(HOST_ELF): $(call obj32,$(HOST_SRC)) tangled/host/host.ld
	@mkdir -p $(@D)
	ld -m elf_i386 -T tangled/host/host.ld -o $@ \
	  $(call obj32,$(HOST_SRC)) $(LIBGCC32)

$(GUEST_ELF): $(call obj32,$(GUEST_SRC)) tangled/guest/guest.ld
	@mkdir -p $(@D)
	ld -m elf_i386 -T tangled/guest/guest.ld -o $@ \
	  $(call obj32,$(GUEST_SRC)) $(LIBGCC32)

LAUNCHER_OBJ     := $(call obj64,$(LAUNCHER_SRC))
LAUNCHER_LIB_OBJ := $(filter-out %/main.cpp.o,$(LAUNCHER_OBJ))

$(LHV_BIN): $(LAUNCHER_OBJ)
	@mkdir -p $(@D)
	$(CXX) -o $@ $^

# Test Guests: one tiny assembly program each, linked like the Guest.
TGUESTS := $(patsubst tests/guests/%.S,$(BUILD)/tests/guests/%.elf,$(TGUEST_SRC))
$(BUILD)/tests/guests/%.elf: tests/guests/%.S tests/guests/guest.ld
	@mkdir -p $(@D)
	$(KCXX) $(KFLAGS) -c $< -o $(@:.elf=.o)
	ld -m elf_i386 -T tests/guests/guest.ld -o $@ $(@:.elf=.o)

PROGRAMS := $(if $(HOST_SRC),$(HOST_ELF)) $(if $(GUEST_SRC),$(GUEST_ELF)) \
            $(if $(LAUNCHER_SRC),$(LHV_BIN))

# ---------------------------------------------------------------- tests
UNIT_BIN  := $(BUILD)/tests/unit
INTEG_BIN := $(BUILD)/tests/integration

$(UNIT_BIN): $(call obj64,$(UNIT_SRC)) $(LAUNCHER_LIB_OBJ)
	@mkdir -p $(@D)
	$(CXX) -o $@ $^ -lCatch2WithMain

$(INTEG_BIN): $(call obj64,$(INTEG_SRC)) $(LAUNCHER_LIB_OBJ)
	@mkdir -p $(@D)
	$(CXX) -o $@ $^ -lCatch2WithMain

TEST_BINS := $(if $(UNIT_SRC),$(UNIT_BIN)) $(if $(INTEG_SRC),$(INTEG_BIN))

# Where the integration tests find the programs they boot.
TESTENV := LHV=$(CURDIR)/$(LHV_BIN) LHV_HOST=$(CURDIR)/$(HOST_ELF) \
  LHV_GUEST=$(CURDIR)/$(GUEST_ELF) \
  LHV_TEST_GUESTS=$(CURDIR)/$(BUILD)/tests/guests

# `make test' tangles first, then re-reads this Makefile so that the file
# lists above see what tangling produced.
NPROC := $(shell nproc 2>/dev/null || echo 2)
.PHONY: all programs test run debug _test
all: deps tangle
	@$(MAKE) --no-print-directory -j$(NPROC) programs
programs: $(PROGRAMS) $(TGUESTS)

test: deps tangle
	@$(MAKE) --no-print-directory -j$(NPROC) programs $(TEST_BINS)
	@$(MAKE) --no-print-directory _test
_test:
	@$(TESTENV) book/bin/run-tests.sh $(TEST_BINS)

# Boot the Guest.  ARGS are passed to lhv, e.g. make run ARGS='-m 64'.
run: all
	$(LHV_BIN) $(ARGS) $(GUEST_ELF)

debug: all
	book/bin/debug.sh $(LHV_BIN) $(HOST_ELF) $(GUEST_ELF)

# ---------------------------------------------------------------- book
WOVEN   := $(BUILD)/woven/chapters.tex
FIGURES := $(wildcard figures/*)
BOOKSRC := $(wildcard book/*.tex book/*.sty) book.bib $(FIGURES)

$(WOVEN): $(CHAPTERS)
	@mkdir -p $(@D)
	noweave -n -index -latex $(CHAPTERS) > $@.tmp
	@mv $@.tmp $@

LATEXENV := TEXINPUTS=$(CURDIR)/book:$(CURDIR)/$(BUILD)/woven:$(CURDIR): \
            BIBINPUTS=$(CURDIR): BSTINPUTS=$(CURDIR)/book:

.PHONY: pdf html check bench clean
pdf: deps $(BUILD)/book.pdf
$(BUILD)/book.pdf: $(WOVEN) $(BOOKSRC)
	@mkdir -p $(BUILD)/latex
	@$(LATEXENV) latexmk -pdf -interaction=nonstopmode -halt-on-error \
	  -silent -outdir=$(BUILD)/latex book/book.tex >/dev/null || \
	  { grep -A4 -E '^!|Error' $(BUILD)/latex/book.log | head -40; \
	    exit 1; }
	cp $(BUILD)/latex/book.pdf $@
	@grep -E 'LaTeX Warning: (Reference|Citation).*undefined' \
	  $(BUILD)/latex/book.log | sort -u || true
	@echo "pdf: $@ ($$(pdfinfo $@ 2>/dev/null | \
	  awk '/^Pages/{print $$2}') pages)"

html: deps
	book/bin/html.sh $(BUILD)/html

check: deps pdf
	@book/bin/check.sh

bench: all
	book/bin/bench.sh

clean:
	rm -rf $(BUILD)

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)

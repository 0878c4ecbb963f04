# Folio: `make` builds the paper, `make test` runs the tests. Both install what is missing.
SWIFT    ?= swift
FOLIO    := .build/release/folio
PAPER    ?= Paper
OUT      ?= Build
# Extra flags for folio build (CI passes --untrusted --pull-request N).
FOLIO_FLAGS ?=
PUBLISH_BRANCH ?= gh-pages
PUBLISH_REMOTE ?= origin

DEBS_BUILD := pkg-config librsvg2-bin poppler-utils
DEBS_TEX   := bubblewrap texlive-luatex texlive-latex-recommended texlive-latex-extra latexmk lmodern \
              fonts-noto-core fonts-noto-cjk fonts-noto-mono poppler-utils biber texlive-bibtex-extra
DEBS_TEST  := tidy python3-pip strace valgrind binutils chromium
DEBS_BENCH := cmark-gfm hyperfine python3-pip time git

.PHONY: all paper html pdf lint check status diff serve site publish deps deps-tex deps-test tool test bench link-order fuzz clean

FUZZ_SECONDS ?= 60

all: paper

# cmark-gfm must be 0.29.0.gfm.13 or later; on Debian 12 it comes from Debian 13 (see the script).
deps:
	@scripts/ensure-debs $(DEBS_BUILD)
	@scripts/ensure-cmark-gfm

deps-tex:
	@scripts/ensure-debs $(DEBS_TEX)

tool: deps
	$(SWIFT) build -c release --product folio
	$(SWIFT) build -c release --product folio-serve

# The paper in every format: HTML, LaTeX and the PDF (TeX Live is installed when missing).
paper: pdf

# HTML only, for machines without TeX Live.
html: tool
	$(FOLIO) build --paper $(PAPER) --out $(OUT) --to html $(FOLIO_FLAGS)

pdf: deps-tex tool
	$(FOLIO) build --paper $(PAPER) --out $(OUT) --to all $(FOLIO_FLAGS)

# A live preview at http://127.0.0.1:8000/, rebuilt on every change (Ctrl-C stops it).
PORT ?= 8000
serve: tool
	$(FOLIO) serve --paper $(PAPER) --out $(OUT)/preview --port $(PORT)

# The paper as a versioned static site in $(OUT)/site (docs/PUBLISHING.md).
site: deps-tex tool
	$(FOLIO) publish --paper $(PAPER) --site $(OUT)/site

# Publishes the checked-out commit onto the gh-pages branch and pushes it (what CI does on main).
publish: deps-tex tool
	$(FOLIO) publish --paper $(PAPER) --branch $(PUBLISH_BRANCH) --remote $(PUBLISH_REMOTE)

# Reviewers' checks: located findings (docs/lint-rules.md) and the governance checklist.
lint: tool
	$(FOLIO) lint --paper $(PAPER)

check: tool
	$(FOLIO) check --paper $(PAPER)

# Each chapter's owners, status, words, open review marks, findings and last change.
status: tool
	$(FOLIO) status --paper $(PAPER)

# What changed since OLD (default: the last commit), marked, in $(OUT)/diff (docs/REVIEW.md).
OLD ?= HEAD
diff: deps-tex tool
	$(FOLIO) diff $(OLD) --paper $(PAPER) --out $(OUT)/diff

# TEX=no leaves TeX Live out: the PDF tests are then reported as skipped.
TEX ?= yes
test: deps deps-test $(if $(filter no,$(TEX)),,deps-tex) tool
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

deps-test:
	@scripts/ensure-debs $(DEBS_TEST)
	@scripts/ensure-pip jsonschema:jsonschema check_jsonschema:check-jsonschema bin/zizmor:zizmor websocket:websocket-client
	@scripts/ensure-pandoc >/dev/null

bench: deps tool
	@scripts/ensure-debs $(DEBS_BENCH)
	@scripts/bench.sh $(FOLIO)

# Rewrites Sources/folio/link-order.txt from what building Paper/ runs (docs/PERFORMANCE.md).
link-order: deps
	@scripts/link-order

# Runs each libFuzzer target for FUZZ_SECONDS seconds (see docs/RELIABILITY.md).
fuzz: deps
	@scripts/fuzz.sh $(FUZZ_SECONDS)

clean:
	rm -rf .build $(OUT)/html $(OUT)/latex $(OUT)/pdf $(OUT)/latex.log $(OUT)/.latex-work $(OUT)/.staging-* $(OUT)/bench $(OUT)/fuzz $(OUT)/site $(OUT)/preview $(OUT)/diff .build-fuzz

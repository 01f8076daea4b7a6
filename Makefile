# HeatGrid: `make demo` renders the flagship figure, `make test` runs every test, `make install`
# puts the heatgrid binary on PATH (PREFIX, default /usr/local) for the Python package.
# Each target installs the Debian packages it needs first (apt-get, as root), so all work
# on a fresh machine.

SWIFT ?= swift
PYTHON ?= python3
PREFIX ?= /usr/local
BUILD_PACKAGES = pkg-config libcairo2-dev libfreetype-dev libharfbuzz-dev libfontconfig-dev zlib1g-dev fonts-dejavu-core
# Tools the end-to-end tests use to inspect outputs: pdftotext/pdffonts, qpdf, rsvg-convert.
TEST_PACKAGES = poppler-utils qpdf librsvg2-bin
# The Python package's tests run in a virtual environment (Debian's Python is externally managed),
# never committed: numpy, pytest and the package from python/.
PYTHON_PACKAGES = python3 python3-venv
PYTHON_ENV = .build/python-venv
# The HTML output's tests drive Debian's chromium headless through pip's playwright (in the same
# virtual environment), told where the browser is: nothing is downloaded but the Python package.
BROWSER_PACKAGES = chromium
CHROMIUM ?= /usr/bin/chromium

EXAMPLE = examples/cognitive-heads/figure.json
DEMO_OUTPUTS = out/cognitive-heads.png out/cognitive-heads.pdf out/cognitive-heads.svg out/cognitive-heads.html

.PHONY: demo test python-test browser-test deps test-deps python-deps browser-deps build release install uninstall bench clean

deps:
	@scripts/ensure-apt-packages $(BUILD_PACKAGES)

test-deps: deps
	@scripts/ensure-apt-packages $(TEST_PACKAGES)

python-deps:
	@scripts/ensure-apt-packages $(PYTHON_PACKAGES)

browser-deps: python-deps
	@scripts/ensure-apt-packages $(BROWSER_PACKAGES)

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release --product heatgrid

install: release
	scripts/install-heatgrid "$$($(SWIFT) build -c release --show-bin-path)/heatgrid" "$(DESTDIR)$(PREFIX)"

uninstall:
	rm -f "$(DESTDIR)$(PREFIX)/bin/heatgrid"
	rm -rf "$(DESTDIR)$(PREFIX)/lib/heatgrid"

demo: release
	@mkdir -p out
	$$($(SWIFT) build -c release --show-bin-path)/heatgrid render $(EXAMPLE) $(addprefix -o ,$(DEMO_OUTPUTS))
	@echo "wrote $(DEMO_OUTPUTS)"

test: test-deps python-deps
	$(SWIFT) build --build-tests
	$(SWIFT) test
	@$(MAKE) --no-print-directory python-test
	@$(MAKE) --no-print-directory browser-test

# The Python package (python/) against the debug binary.
python-test: python-deps build $(PYTHON_ENV)/bin/pytest
	rm -rf python/build
	$(PYTHON_ENV)/bin/pip install -q ./python
	HEATGRID_BIN="$$($(SWIFT) build --show-bin-path)/heatgrid" $(PYTHON_ENV)/bin/python -m pytest -q python/tests

$(PYTHON_ENV)/bin/pytest:
	$(PYTHON) -m venv $(PYTHON_ENV)
	$(PYTHON_ENV)/bin/pip install -q numpy pytest

# The interactive HTML output (Tests/Browser/) in headless chromium, against the debug binary.
browser-test: browser-deps build $(PYTHON_ENV)/bin/playwright
	HEATGRID_BIN="$$($(SWIFT) build --show-bin-path)/heatgrid" CHROMIUM="$(CHROMIUM)" \
		$(PYTHON_ENV)/bin/python -m pytest -q Tests/Browser

$(PYTHON_ENV)/bin/playwright: $(PYTHON_ENV)/bin/pytest
	$(PYTHON_ENV)/bin/pip install -q playwright

bench: release
	bench/compare.sh

clean:
	rm -rf .build out

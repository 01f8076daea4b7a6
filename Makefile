# HeatGrid: `make demo` renders the flagship figure, `make test` runs every test.
# Each target installs the Debian packages it needs first (apt-get, as root), so both work
# on a fresh machine.

SWIFT ?= swift
BUILD_PACKAGES = pkg-config libcairo2-dev libfreetype-dev libharfbuzz-dev libfontconfig-dev zlib1g-dev fonts-dejavu-core
# Tools the end-to-end tests use to inspect outputs: pdftotext/pdffonts, qpdf, rsvg-convert.
TEST_PACKAGES = poppler-utils qpdf librsvg2-bin

EXAMPLE = examples/cognitive-heads/figure.json
DEMO_OUTPUTS = out/cognitive-heads.png out/cognitive-heads.pdf out/cognitive-heads.svg

.PHONY: demo test deps test-deps build release bench clean

deps:
	@scripts/ensure-apt-packages $(BUILD_PACKAGES)

test-deps: deps
	@scripts/ensure-apt-packages $(TEST_PACKAGES)

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release --product heatgrid

demo: release
	@mkdir -p out
	$$($(SWIFT) build -c release --show-bin-path)/heatgrid render $(EXAMPLE) $(addprefix -o ,$(DEMO_OUTPUTS))
	@echo "wrote $(DEMO_OUTPUTS)"

test: test-deps
	$(SWIFT) build --build-tests
	$(SWIFT) test

bench: release
	bench/compare.sh

clean:
	rm -rf .build out

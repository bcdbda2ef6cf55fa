# Journey Lens — two commands: `make serve` and `make test`. Everything else is a step of those.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := serve

# Tools Trunk must find on PATH (Trunk.toml sets offline = true: it never downloads them).
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
# wasm-bindgen-cli must be exactly the wasm-bindgen version in Cargo.lock.
WBG_VERSION := $(shell awk '/^name = "wasm-bindgen"$$/ {getline; gsub(/"/, "", $$3); print $$3; exit}' Cargo.lock)
# Trunk and wasm-bindgen-cli are built from crates.io once per machine, most of a cold
# `make test`. Their release profiles ask for fat LTO and one codegen unit (minutes of
# compiling for a tool whose own speed hardly matters here), so that is switched off; and
# they are built without TLS (Trunk runs offline, wasm-bindgen downloads nothing), which
# leaves out rustls and its C crypto code. Only the `wasm-bindgen` binary is installed.
TOOL_BUILD := CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
CHROMIUM ?= /usr/bin/chromium

.PHONY: serve test setup setup-browser lint unit build e2e bench bench-smoke wasm-size clean-dist fuzz

## Install whatever is missing (idempotent, a few seconds when all is present).
setup: node_modules/.installed
	@rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
	@trunk --version 2>/dev/null | grep -q '^trunk 0\.21\.' || $(TOOL_BUILD) cargo install trunk --version '~0.21' --locked --no-default-features
	@wasm-bindgen --version 2>/dev/null | grep -qx 'wasm-bindgen $(WBG_VERSION)' || $(TOOL_BUILD) cargo install wasm-bindgen-cli --version '$(WBG_VERSION)' --locked --force --no-default-features --bin wasm-bindgen
	@wasm-opt --version | grep -q 'version 132' || { echo "wasm-opt from npm binaryen 132 missing"; exit 1; }

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	@touch $@

setup-browser:
	@test -x $(CHROMIUM) || { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq chromium; }

## Serve the app with live rebuilds on http://127.0.0.1:8080/. A development build (the
## `wasm-dev` profile: incremental, no LTO, no wasm-opt) into target/serve/, so a start or a
## rebuild takes seconds and dist/ only ever holds the release build of `make build`.
serve: setup
	@echo "Journey Lens: open http://127.0.0.1:8080/"
	trunk serve --dist target/serve --address 127.0.0.1 --port 8080

## Everything CI checks: format, lints, native tests, release build, browser tests.
test: setup setup-browser lint unit build e2e bench-smoke

lint:
	cargo fmt --check
	cargo clippy --all-targets -- -D warnings
	cargo clippy --target wasm32-unknown-unknown --lib --bins -- -D warnings

unit:
	cargo test

build:
	trunk build --release
	@$(MAKE) --no-print-directory wasm-size

wasm-size:
	@for f in dist/*.wasm; do \
	  printf 'wasm: %s  %s bytes, %s bytes gzipped\n' "$$f" "$$(stat -c %s $$f)" "$$(gzip -9 -c $$f | wc -c)"; \
	done

e2e:
	CHROMIUM=$(CHROMIUM) npx playwright test -c tests/e2e/playwright.config.mjs

## Browser benchmark vs PapaParse at 100 k and 1 M rows (3 runs each): bench/results.json.
bench: setup setup-browser build
	cargo bench --bench core
	CHROMIUM=$(CHROMIUM) node bench/run.mjs

## The same benchmark at 10 k rows, 1 run: fails only if something breaks or disagrees.
bench-smoke: setup setup-browser build
	CHROMIUM=$(CHROMIUM) node bench/run.mjs --smoke

## Coverage-guided fuzzing (AFL++), every target at once for FUZZ_SECONDS each; not part of
## `make test`. Outputs go to /tmp/afl-out-TARGET; see docs/reliability.md.
FUZZ_SECONDS ?= 1860
fuzz:
	@command -v cargo-afl >/dev/null || cargo install cargo-afl --version 0.18.2 --locked
	cd fuzz && cargo afl build --release && ./seeds.sh >/dev/null
	for t in csv json report; do fuzz/run.sh $$t $(FUZZ_SECONDS) & done; wait

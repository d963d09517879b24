# The README's two commands. `make demo`: install, build (binary and web app), generate a demo
# region, import it and start the dashboard on it. `make test`: install, build (normal and
# sanitizer builds, web app) and run every test.
MAKEFLAGS  += --no-print-directory
JOBS       ?= 2
BUILD      ?= build
ASAN_BUILD ?= build-asan
DEMO_DIR   ?= demo
DEMO_DB    ?= $(DEMO_DIR)/stroom.db
DEMO_PORT  ?= 8080
FUZZ_BUILD ?= build-fuzz
FUZZ_SECONDS ?= 300
FUZZ_SMOKE_SECONDS ?= 30

.PHONY: all setup build build-asan web test demo clean bench

all: build

setup:
	@scripts/setup

build: setup
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
	@cmake --build $(BUILD) -j$(JOBS)

build-asan: setup
	@cmake -S . -B $(ASAN_BUILD) -DCMAKE_BUILD_TYPE=Debug -DSTROOM_SANITIZE=ON -DSTROOM_WEB_TESTS=OFF >/dev/null
	@cmake --build $(ASAN_BUILD) -j$(JOBS) --target stroom_tests stroom

# The dashboard: npm packages (only when the lock file changed) and the static build in web/dist.
web: setup
	@cd web && { [ node_modules/.package-lock.json -nt package-lock.json ] || npm ci --no-audit --no-fund --loglevel=error; }
	@cd web && npm run build --silent

# The sanitizer build runs the same suite; the heavy end-to-end cases are labelled and skipped
# there through STROOM_QUICK so that the whole run stays well inside CI's budget. Last, each
# fuzz target runs for FUZZ_SMOKE_SECONDS (docs/fuzzing.md).
test: build build-asan web
	@ctest --test-dir $(BUILD) --output-on-failure -j$(JOBS)
	@STROOM_QUICK=1 ctest --test-dir $(ASAN_BUILD) --output-on-failure -j$(JOBS)
	@$(MAKE) fuzz-smoke

demo: build web
	@rm -rf $(DEMO_DIR) && mkdir -p $(DEMO_DIR)
	@$(BUILD)/stroom generate --out $(DEMO_DIR)/csv --pupils 40000 --from 2018 --to 2025 --seed 1
	@$(BUILD)/stroom import $(DEMO_DIR)/csv --db $(DEMO_DB) --rejects $(DEMO_DIR)/afgewezen.csv || test $$? -eq 3
	@$(BUILD)/stroom measure leerlingen --db $(DEMO_DB) --format table --at 2025-10-01
	@scripts/demo-users $(BUILD)/stroom $(DEMO_DB)
	@$(BUILD)/stroom serve --db $(DEMO_DB) --port $(DEMO_PORT) --web web/dist

bench: build
	@bench/import.sh
	@bench/load.sh
	@bench/compare.sh 200000

# libFuzzer targets for the CSV reader, the date parser and the BSN rules (docs/fuzzing.md), built
# with clang in their own directory; FUZZ_TARGETS="date bsn" runs only those.
.PHONY: fuzz-build fuzz-smoke fuzz
fuzz-build: setup
	@cmake -S fuzz -B $(FUZZ_BUILD) -DCMAKE_CXX_COMPILER=clang++ >/dev/null
	@cmake --build $(FUZZ_BUILD) -j$(JOBS)

fuzz-smoke: fuzz-build
	@fuzz/run.sh $(FUZZ_BUILD) $(FUZZ_SMOKE_SECONDS) $(FUZZ_TARGETS)

fuzz: fuzz-build
	@fuzz/run.sh $(FUZZ_BUILD) $(FUZZ_SECONDS) $(FUZZ_TARGETS)

clean:
	rm -rf $(BUILD) $(ASAN_BUILD) $(FUZZ_BUILD) $(DEMO_DIR)

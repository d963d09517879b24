# The README's two commands. `make demo`: install, build, generate a demo region, import it and
# show its pupil counts. `make test`: install, build (normal and sanitizer builds) and run every test.
MAKEFLAGS  += --no-print-directory
JOBS       ?= 2
BUILD      ?= build
ASAN_BUILD ?= build-asan
DEMO_DIR   ?= demo
DEMO_DB    ?= $(DEMO_DIR)/stroom.db

.PHONY: all setup build build-asan test demo clean bench

all: build

setup:
	@scripts/setup

build: setup
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
	@cmake --build $(BUILD) -j$(JOBS)

build-asan: setup
	@cmake -S . -B $(ASAN_BUILD) -DCMAKE_BUILD_TYPE=Debug -DSTROOM_SANITIZE=ON >/dev/null
	@cmake --build $(ASAN_BUILD) -j$(JOBS) --target stroom_tests stroom

# The sanitizer build runs the same suite; the heavy end-to-end cases are labelled and skipped
# there through STROOM_QUICK so that the whole run stays well inside CI's budget.
test: build build-asan
	@ctest --test-dir $(BUILD) --output-on-failure -j$(JOBS)
	@STROOM_QUICK=1 ctest --test-dir $(ASAN_BUILD) --output-on-failure -j$(JOBS)

demo: build
	@rm -rf $(DEMO_DIR) && mkdir -p $(DEMO_DIR)
	@$(BUILD)/stroom generate --out $(DEMO_DIR)/csv --pupils 40000 --from 2018 --to 2025 --seed 1
	@$(BUILD)/stroom import $(DEMO_DIR)/csv --db $(DEMO_DB) --rejects $(DEMO_DIR)/afgewezen.csv || test $$? -eq 3
	@$(BUILD)/stroom measure leerlingen --db $(DEMO_DB) --format table

bench: build
	@bench/import.sh

clean:
	rm -rf $(BUILD) $(ASAN_BUILD) $(DEMO_DIR)

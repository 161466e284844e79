# WasteIntel: `make run` opens the workstation on the demo database; `make test` runs the suite.
# Both create the environment first. Nothing else is needed on a fresh Debian machine.
PYTHON ?= python3
VENV := .venv
NOQT := .venv-noqt
PY := $(VENV)/bin/python
PIP_FLAGS := --disable-pip-version-check -q
export PIP_NO_INPUT := 1

.PHONY: translations run test test-unit-noqt lint bench screenshots package package-test sysdeps pg-start pg-stop clean demo

$(VENV)/.installed: pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install $(PIP_FLAGS) --upgrade pip
	$(PY) -m pip install $(PIP_FLAGS) -e '.[gui,test]'
	touch $@

$(NOQT)/.installed: pyproject.toml
	test -x $(NOQT)/bin/python || $(PYTHON) -m venv $(NOQT)
	$(NOQT)/bin/python -m pip install $(PIP_FLAGS) --upgrade pip
	$(NOQT)/bin/python -m pip install $(PIP_FLAGS) -e . pytest hypothesis openpyxl odfpy xlwt pypdf
	touch $@

venv: $(VENV)/.installed

# System packages the tests need (PostgreSQL server, pdftoppm, CJK fonts, Xvfb), installed
# from Debian's archive when missing and when we may (root, as in CI).
sysdeps:
	@scripts/sysdeps

run: sysdeps $(VENV)/.installed
	$(VENV)/bin/wasteintel --demo

pg-start:
	@scripts/pg-test-server start
pg-stop:
	@scripts/pg-test-server stop

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check app widgets casedb resources tests bench
	$(VENV)/bin/lint-imports

test: sysdeps $(VENV)/.installed $(NOQT)/.installed
	$(MAKE) lint
	WASTEINTEL_TEST_PG_URL=$$(scripts/pg-test-server start) \
	  QT_QPA_PLATFORM=offscreen $(PY) -m pytest -n 2 --dist loadgroup -q -m "not alone"
	WASTEINTEL_TEST_PG_URL=$$(scripts/pg-test-server start) \
	  QT_QPA_PLATFORM=offscreen $(PY) -m pytest -p no:xdist -q -m alone
	$(MAKE) test-unit-noqt

# tests/unit again in an environment without PySide6: proves casedb is Qt-free.
test-unit-noqt: $(NOQT)/.installed
	WASTEINTEL_TEST_PG_URL=$$(scripts/pg-test-server start) \
	  $(NOQT)/bin/python -m pytest -q -p no:pytestqt -p no:xdist -W ignore::pytest.PytestConfigWarning tests/unit

bench: sysdeps $(VENV)/.installed
	WASTEINTEL_BENCH_PG_URL=$$(scripts/pg-test-server start) \
	  $(PY) -m bench.run --output docs/benchmarks.md

screenshots: sysdeps $(VENV)/.installed
	QT_QPA_PLATFORM=offscreen $(PY) -m app.screenshots docs/screenshots

demo: $(VENV)/.installed
	$(PY) -m casedb.synth.demo resources/demo

# One-folder application in dist/WasteIntel (PyInstaller; see packaging/README.md).
package: $(VENV)/.installed
	$(PY) -c 'import PyInstaller' 2>/dev/null || $(PY) -m pip install $(PIP_FLAGS) -e '.[gui,package]'
	$(VENV)/bin/pyinstaller --noconfirm --clean --log-level WARN --distpath dist --workpath build/pyinstaller packaging/wasteintel.spec
	@du -sh dist/WasteIntel

# Builds, then runs the built folder from a temporary copy, away from the source tree.
package-test: package
	packaging/smoke-test dist/WasteIntel

clean:
	rm -rf build dist .pytest_cache

# Traditional Chinese: extract strings, fill the translations, compile the .qm.
translations: $(VENV)/.installed
	$(VENV)/bin/pyside6-lupdate -no-obsolete $(wildcard widgets/*.py app/*.py app/actions/*.py) -ts resources/i18n/wasteintel_zh_TW.ts
	$(PY) tools/translate_zh_tw.py resources/i18n/wasteintel_zh_TW.ts
	$(VENV)/bin/pyside6-lrelease resources/i18n/wasteintel_zh_TW.ts -qm resources/i18n/wasteintel_zh_TW.qm

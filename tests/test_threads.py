"""The default knowledge base is built lazily, once, whatever the concurrency."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from collections.abc import Iterator

import pytest

import backend_frameworks as bf
from backend_frameworks import _default


@pytest.fixture
def fresh_default() -> Iterator[None]:
    _default._reset()
    yield
    _default._reset()


def test_concurrent_first_access_builds_once(
    monkeypatch: pytest.MonkeyPatch, fresh_default: None
) -> None:
    calls: list[int] = []
    original = bf.KnowledgeBase._shipped  # what the default builds

    def counting() -> bf.KnowledgeBase:
        calls.append(1)
        time.sleep(0.05)  # widen the window in which a second build could start
        return original()

    monkeypatch.setattr(bf.KnowledgeBase, "_shipped", staticmethod(counting))
    threads = 8
    barrier = threading.Barrier(threads)
    results: list[bf.KnowledgeBase] = []
    lock = threading.Lock()

    def worker() -> None:
        barrier.wait()
        built = bf.default_knowledge_base()
        with lock:
            results.append(built)

    pool = [threading.Thread(target=worker) for _ in range(threads)]
    for thread in pool:
        thread.start()
    for thread in pool:
        thread.join()
    assert len(calls) == 1
    assert len(results) == threads
    assert all(result is results[0] for result in results)


def test_nothing_is_loaded_at_import() -> None:
    code = (
        "import sys, backend_frameworks as bf\n"
        "from backend_frameworks import _default\n"
        "assert _default._default is None\n"
        "bf.get('flask')\n"
        "assert _default._default is not None\n"
        "print('ok')\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"

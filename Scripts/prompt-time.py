#!/usr/bin/env python3
"""Time from exec to the `usq>` prompt, in a real pseudo-terminal (median of 10 after a warm-up).

    Scripts/prompt-time.py .build/release/usq
"""
import os
import pty
import select
import signal
import statistics
import sys
import tempfile
import time


def once(argv, env):
    start = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        os.execve(argv[0], argv, env)
    seen = b""
    deadline = time.monotonic() + 5
    while b"usq>" not in seen and time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.1)
        if ready:
            try:
                seen += os.read(fd, 4096)
            except OSError:
                break
    elapsed = time.perf_counter() - start
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    os.close(fd)
    if b"usq>" not in seen:
        sys.exit(f"no prompt within 5 s; saw {seen[:200]!r}")
    return elapsed


def main():
    argv = sys.argv[1:]
    home = tempfile.mkdtemp(prefix="usq-prompt-")  # no history yet: a first start
    env = dict(os.environ, HOME=home, TERM="xterm-256color")
    env.pop("OPENAI_ADMIN_KEY", None)
    times = [once(argv, env) for _ in range(11)][1:]
    print(f"time to prompt: median {statistics.median(times) * 1e3:.1f} ms, "
          f"min {min(times) * 1e3:.1f} ms ({len(times)} runs)")


main()

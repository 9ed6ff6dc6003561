#!/usr/bin/env python3
"""How many 4 KiB write + fdatasync pairs per second the disk under DIR serves, from 1, 2 and 4 threads.

    python3 kms-api/bench/fsync-parallel.py [DIR] [SECONDS]     (default: ./data, 5 s per case)

The audit trail forces once per group commit; this says whether forces from several threads overlap on the device
(README, "Audit trail"). Each thread rewrites its own 1 MiB region of one preallocated file, as the trail writes
into its zero-filled reserve. The file is removed at the end.
"""
import os
import sys
import threading
import time

BLOCK = 4096
REGION = 256 * BLOCK


def loop(fd, base, seconds, counts, index):
    block = b"x" * BLOCK
    end = time.monotonic() + seconds
    n = 0
    while time.monotonic() < end:
        os.pwrite(fd, block, base + (n % 256) * BLOCK)
        os.fdatasync(fd)
        n += 1
    counts[index] = n


def main():
    directory = sys.argv[1] if len(sys.argv) > 1 else "data"
    seconds = float(sys.argv[2]) if len(sys.argv) > 2 else 5.0
    os.makedirs(directory, exist_ok=True)
    path = os.path.join(directory, "fsync-parallel.bin")
    fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        os.pwrite(fd, b"\0" * (4 * REGION), 0)
        os.fsync(fd)
        for threads in (1, 2, 4):
            counts = [0] * threads
            workers = [threading.Thread(target=loop, args=(fd, i * REGION, seconds, counts, i))
                       for i in range(threads)]
            for w in workers:
                w.start()
            for w in workers:
                w.join()
            print("%d thread(s): %.0f write+fdatasync/s" % (threads, sum(counts) / seconds))
    finally:
        os.close(fd)
        os.remove(path)


if __name__ == "__main__":
    main()

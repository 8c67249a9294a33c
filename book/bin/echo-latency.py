#!/usr/bin/env python3
# echo-latency.py -- the console's keystroke-to-echo time (Mastery
# chapter).  Runs the book's Guest with the shell on a pseudo-terminal,
# as a person at a terminal would, waits for the prompt, types twenty
# letters one at a time and times each from the write of the key to
# the read of its echo; then ends the line and types `halt'.  Prints the
# minimum, median and maximum in milliseconds.  Wall time: compare runs
# on one machine, not machines.
import os, pty, select, sys, time

lhv, guest = (sys.argv[1:3] if len(sys.argv) > 2
              else ('build/lhv', 'build/guest/guest.elf'))
pid, fd = pty.fork()
if pid == 0:
    os.execv(lhv, [lhv, guest, 'init=sh'])
out = b''

def read_until(pattern, seconds, start=0):
    global out
    end = time.time() + seconds
    while pattern not in out[start:] and time.time() < end:
        ready, _, _ = select.select([fd], [], [], 0.05)
        if ready:
            try:
                out += os.read(fd, 4096)
            except OSError:
                return False
    return pattern in out[start:]

if not read_until(b'lhv$ ', 30):
    sys.exit('echo-latency: no prompt from the Guest')
times = []
for key in b'abcdefghijklmnopqrst':
    start = len(out)
    began = time.perf_counter()
    os.write(fd, bytes([key]))
    if not read_until(bytes([key]), 5, start):
        sys.exit('echo-latency: no echo of %r' % chr(key))
    times.append((time.perf_counter() - began) * 1000)
os.write(fd, b'\r')
read_until(b'lhv$ ', 5, len(out))
os.write(fd, b'halt\r')
_, status = os.waitpid(pid, 0)
times.sort()
print('echo-latency: %d keys: min %.2f ms, median %.2f ms, max %.2f ms'
      % (len(times), times[0], times[len(times) // 2], times[-1]))
sys.exit(0 if os.waitstatus_to_exitcode(status) == 0 else 1)

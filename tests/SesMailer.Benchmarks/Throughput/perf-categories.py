"""Splits a `perf script` of the throughput loop into the stages of a send, by the frames on each sample's stack.

usage: python3 perf-categories.py PATH.script CPU_US_PER_MSG
A sample counts for the first category (in this order) any of whose frames matches; the share of samples times the
loop's CPU time per message gives microseconds per message. Few samples (the loop gets a small share of a loaded
machine): read the figures to about +-20 %.
"""
import collections
import re
import sys

CATEGORIES = [
    ("limiter", r"SendRateLimiter"),
    ("JIT compiler", r"libclrjit"),
    ("SHA-256/HMAC (libcrypto)", r"libcrypto|Cryptography"),
    ("XML answer (SesXml, XmlReader)", r"SesXml::|System\.Xml"),
    ("form body (base64, percent-encoding)", r"ToFormBody|FormBody::Append|Base64"),
    ("SigV4 signing, request building", r"BuildSignedRequest|SigV4Signer|CanonicalRequest"),
    ("answer reading (LimitedBody)", r"LimitedBody"),
    ("validation (RequestValidation, rules)", r"RequestValidation|AddressRule|SesMailer\.Rules"),
    ("Kestrel fake (server side)", r"Kestrel|LoopbackSesFake|AspNetCore"),
]


def stacks(path):
    current = []
    for line in open(path, errors="replace"):
        if re.match(r"^\S", line):
            if current:
                yield current
            current = []
        elif line.strip():
            current.append(re.sub(r"^\s*[0-9a-f]+ ", "", line.strip()))
    if current:
        yield current


def category(stack):
    for name, pattern in CATEGORIES:
        if any(re.search(pattern, frame) for frame in stack):
            return name
    return "kernel" if stack[0].endswith("([kernel.kallsyms])") else "other (HTTP stack, async machinery, GC, runtime)"


def main():
    samples = list(stacks(sys.argv[1]))
    cpu = float(sys.argv[2])
    counts = collections.Counter(category(stack) for stack in samples)
    print(f"{len(samples)} samples, {cpu} us of CPU per message")
    for name, count in counts.most_common():
        print(f"  {count / len(samples) * 100:5.1f} %  {count / len(samples) * cpu:6.1f} us  {name}")


main()

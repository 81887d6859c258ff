"""Prints prime numbers, found with the sieve of Eratosthenes. Run it with: python3 script.py"""
import math

MODE = {{mode}}  # "count": the first N primes; "limit": every prime up to N
N = int({{n}})


def sieve(limit):
    """Every prime up to `limit`."""
    if limit < 2:
        return []
    is_prime = bytearray([1]) * (limit + 1)
    is_prime[0:2] = b"\x00\x00"
    for p in range(2, math.isqrt(limit) + 1):
        if is_prime[p]:
            is_prime[p * p::p] = bytes(len(range(p * p, limit + 1, p)))
    return [i for i, flag in enumerate(is_prime) if flag]


def first(count):
    """The first `count` primes: sieve up to a bound that is sure to hold them (n (ln n + ln ln n) for n >= 6)."""
    bound = 15 if count < 6 else int(count * (math.log(count) + math.log(math.log(count)))) + 1
    return sieve(bound)[:count]


def main():
    primes = first(N) if MODE == "count" else sieve(N)
    heading = f"The first {len(primes)} prime numbers" if MODE == "count" else f"Prime numbers up to {N}"
    print(heading)
    print("=" * len(heading))
    width = len(str(primes[-1])) if primes else 1
    for row in range(0, len(primes), 10):
        print("  ".join(str(p).rjust(width) for p in primes[row:row + 10]))
    print()
    print(f"{len(primes)} primes; the largest is {primes[-1] if primes else 'none'}; they add up to {sum(primes)}.")


if __name__ == "__main__":
    main()

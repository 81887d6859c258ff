"""Prints the Fibonacci sequence: each number is the sum of the two before it. Run it with: python3 script.py"""

MODE = {{mode}}  # "count": the first N numbers; "limit": every number up to N
N = int({{n}})


def fibonacci():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b


def main():
    numbers = []
    for value in fibonacci():
        if MODE == "count" and len(numbers) >= N or MODE == "limit" and value > N:
            break
        numbers.append(value)
    heading = f"The first {len(numbers)} Fibonacci numbers" if MODE == "count" else f"Fibonacci numbers up to {N}"
    print(heading)
    print("=" * len(heading))
    width = len(str(len(numbers)))
    for i, value in enumerate(numbers):
        print(f"F({str(i).rjust(width)}) = {value}")
    if len(numbers) > 2:
        print()
        print(f"The ratio of the last two approaches the golden ratio: {numbers[-1] / numbers[-2]:.12f}")


if __name__ == "__main__":
    main()

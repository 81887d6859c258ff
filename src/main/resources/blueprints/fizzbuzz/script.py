"""FizzBuzz: counts from 1 to N, saying Fizz for multiples of 3, Buzz for multiples of 5 and FizzBuzz for both.
Run it with: python3 script.py"""

N = int({{n}})


def fizzbuzz(i):
    return "FizzBuzz" if i % 15 == 0 else "Fizz" if i % 3 == 0 else "Buzz" if i % 5 == 0 else str(i)


def main():
    for i in range(1, N + 1):
        print(fizzbuzz(i))


if __name__ == "__main__":
    main()

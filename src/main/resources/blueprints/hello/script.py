"""Prints a message. Run it with: python3 script.py"""

MESSAGE = {{line}}


def main():
    print(MESSAGE)


if __name__ == "__main__":
    main()

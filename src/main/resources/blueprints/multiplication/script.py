"""Prints a multiplication table. Run it with: python3 script.py"""

OF = int({{of}})  # one number's table, or 0 for the full grid
UP_TO = int({{upTo}})


def main():
    if OF:
        heading = f"Multiplication table of {OF}"
        print(heading)
        print("=" * len(heading))
        width = len(str(UP_TO))
        for i in range(1, UP_TO + 1):
            print(f"{str(i).rjust(width)} × {OF} = {i * OF}")
        return
    heading = f"Multiplication table, 1 to {UP_TO}"
    print(heading)
    print("=" * len(heading))
    width = len(str(UP_TO * UP_TO)) + 1
    print(" " * width + " │" + "".join(str(c).rjust(width) for c in range(1, UP_TO + 1)))
    print("─" * width + "─┼" + "─" * (width * UP_TO))
    for r in range(1, UP_TO + 1):
        print(str(r).rjust(width) + " │" + "".join(str(r * c).rjust(width) for c in range(1, UP_TO + 1)))


if __name__ == "__main__":
    main()

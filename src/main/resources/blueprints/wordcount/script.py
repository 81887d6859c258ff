"""Counts the words, lines and characters of a text and lists its most frequent words.
Run it with: python3 script.py"""
import re
from collections import Counter

TEXT = {{text}}
TOP = 10


def main():
    words = re.findall(r"[^\W_]+(?:['’-][^\W_]+)*", TEXT.lower())
    counts = Counter(words)
    print("Text")
    print("----")
    for line in TEXT.splitlines() or [""]:
        print(f"  {line}")
    print()
    print(f"Words:            {len(words)}")
    print(f"Distinct words:   {len(counts)}")
    print(f"Lines:            {len(TEXT.splitlines())}")
    print(f"Characters:       {len(TEXT)}")
    print(f"Letters & digits: {sum(ch.isalnum() for ch in TEXT)}")
    if words:
        print(f"Average length:   {sum(map(len, words)) / len(words):.2f} characters")
        print()
        print(f"Most frequent words (top {min(TOP, len(counts))})")
        width = max(len(w) for w, _ in counts.most_common(TOP))
        for word, n in counts.most_common(TOP):
            print(f"  {word.ljust(width)}  {str(n).rjust(3)}  {'█' * n}")


if __name__ == "__main__":
    main()

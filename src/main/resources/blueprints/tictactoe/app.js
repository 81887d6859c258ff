'use strict';
// Tic-tac-toe for two players or against the computer (minimax). The score is kept in this browser.
(() => {
  const $ = (id) => document.getElementById(id);
  const LINES = [[0, 1, 2], [3, 4, 5], [6, 7, 8], [0, 3, 6], [1, 4, 7], [2, 5, 8], [0, 4, 8], [2, 4, 6]];
  const STORE = 'tictactoe-v1';
  const cells = [...document.querySelectorAll('.cell')];
  let board = Array(9).fill(null);
  let turn = 'X';
  let over = false;
  let starter = 'X';
  let opponent = 'cpu';
  let score = { X: 0, O: 0, draw: 0 };
  try {
    const saved = JSON.parse(localStorage.getItem(STORE));
    if (saved) {
      score = { ...score, ...saved.score };
      opponent = saved.opponent === 'human' ? 'human' : 'cpu';
    }
  } catch {
    // start fresh
  }

  function save() {
    try {
      localStorage.setItem(STORE, JSON.stringify({ score, opponent }));
    } catch {
      // storage unavailable: score lasts for this visit
    }
  }

  function winner(b) {
    for (const line of LINES) {
      const [a, c, d] = line;
      if (b[a] && b[a] === b[c] && b[a] === b[d]) return { mark: b[a], line };
    }
    return b.every(Boolean) ? { mark: null, line: [] } : null;
  }

  function minimax(b, player, depth) {
    const result = winner(b);
    if (result) return { score: result.mark === 'O' ? 10 - depth : result.mark === 'X' ? depth - 10 : 0 };
    let best = { score: player === 'O' ? -Infinity : Infinity, move: -1 };
    for (let i = 0; i < 9; i++) {
      if (b[i]) continue;
      b[i] = player;
      const s = minimax(b, player === 'O' ? 'X' : 'O', depth + 1).score;
      b[i] = null;
      if (player === 'O' ? s > best.score : s < best.score) best = { score: s, move: i };
    }
    return best;
  }

  function computerMove() {
    const free = board.map((v, i) => (v ? -1 : i)).filter((i) => i >= 0);
    if ($('hard').checked) return minimax([...board], 'O', 0).move;
    // casual: win if possible, block if needed, else a random free cell
    for (const mark of ['O', 'X']) {
      for (const i of free) {
        const b = [...board];
        b[i] = mark;
        if (winner(b) && winner(b).mark === mark) return i;
      }
    }
    return free[Math.floor(Math.random() * free.length)];
  }

  function label(i) {
    const row = Math.floor(i / 3) + 1;
    const col = (i % 3) + 1;
    return `Row ${row}, column ${col}, ${board[i] || 'empty'}`;
  }

  function names() {
    $('name-x').textContent = opponent === 'cpu' ? 'You' : 'Player 1';
    $('name-o').textContent = opponent === 'cpu' ? 'Computer' : 'Player 2';
    $('hard').closest('label').hidden = opponent !== 'cpu';
    document.querySelectorAll('[data-opponent]').forEach((b) => {
      b.setAttribute('aria-pressed', String(b.dataset.opponent === opponent));
    });
  }

  function render(result) {
    cells.forEach((cell, i) => {
      cell.textContent = board[i] || '';
      cell.className = 'cell' + (board[i] ? ' ' + board[i].toLowerCase() : '')
        + (result && result.line.includes(i) ? ' win' : '') + (cell.dataset.placed === '1' ? ' placed' : '');
      cell.dataset.placed = '';
      cell.setAttribute('aria-disabled', String(over || Boolean(board[i]) || (opponent === 'cpu' && turn === 'O')));
      cell.setAttribute('aria-label', label(i));
    });
    $('score-x').textContent = score.X;
    $('score-o').textContent = score.O;
    $('score-draw').textContent = score.draw;
    const who = (mark) => (opponent === 'cpu' ? (mark === 'X' ? 'You' : 'The computer') : `Player ${mark === 'X' ? 1 : 2}`);
    if (result) {
      $('status').textContent = result.mark ? `${who(result.mark)} won!` : "It's a draw.";
    } else {
      $('status').textContent = opponent === 'cpu'
        ? (turn === 'X' ? 'Your turn (X)' : 'Computer is thinking…')
        : `${who(turn)}'s turn (${turn})`;
    }
  }

  function play(i) {
    if (over || board[i]) return;
    board[i] = turn;
    cells[i].dataset.placed = '1';
    const result = winner(board);
    if (result) {
      over = true;
      if (result.mark) score[result.mark] += 1;
      else score.draw += 1;
      save();
      render(result);
      return;
    }
    turn = turn === 'X' ? 'O' : 'X';
    render();
    if (opponent === 'cpu' && turn === 'O') setTimeout(() => play(computerMove()), 350);
  }

  function restart() {
    board = Array(9).fill(null);
    over = false;
    starter = starter === 'X' ? 'O' : 'X';
    turn = opponent === 'cpu' ? 'X' : starter;
    render();
  }

  cells.forEach((cell, i) => {
    cell.addEventListener('click', () => {
      if (opponent === 'cpu' && turn === 'O') return;
      play(i);
    });
    cell.addEventListener('keydown', (e) => {
      const moves = { ArrowLeft: -1, ArrowRight: 1, ArrowUp: -3, ArrowDown: 3 };
      if (!(e.key in moves)) return;
      e.preventDefault();
      const target = Math.min(8, Math.max(0, i + moves[e.key]));
      cells[target].focus();
    });
  });
  $('restart').addEventListener('click', restart);
  $('reset-score').addEventListener('click', () => {
    score = { X: 0, O: 0, draw: 0 };
    save();
    render(over ? winner(board) : undefined);
  });
  document.querySelectorAll('[data-opponent]').forEach((b) => b.addEventListener('click', () => {
    opponent = b.dataset.opponent;
    save();
    names();
    restart();
  }));

  names();
  render();
})();

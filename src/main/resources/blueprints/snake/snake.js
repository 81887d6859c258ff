'use strict';
// The rules of snake, without drawing: a grid, a snake that moves one cell per step, food that makes it grow,
// walls and its own body that end the game. Pure functions of the state (randomness is passed in), so Node can
// test them.
(function (root) {
  const DIRS = { up: { x: 0, y: -1 }, down: { x: 0, y: 1 }, left: { x: -1, y: 0 }, right: { x: 1, y: 0 } };
  const OPPOSITE = { up: 'down', down: 'up', left: 'right', right: 'left' };

  /** A new game on a cols × rows grid; `random` returns numbers in [0, 1). */
  function create(cols, rows, random) {
    const y = Math.floor(rows / 2);
    const x = Math.floor(cols / 2);
    const state = { cols, rows, snake: [{ x, y }, { x: x - 1, y }, { x: x - 2, y }], dir: 'right', queue: [],
      food: null, score: 0, over: false, grew: false };
    state.food = placeFood(state, random);
    return state;
  }

  /** A free cell for food, or null when the snake fills the grid. */
  function placeFood(state, random) {
    const taken = new Set(state.snake.map((c) => `${c.x},${c.y}`));
    const free = state.cols * state.rows - taken.size;
    if (free <= 0) return null;
    let n = Math.floor(random() * free);
    for (let y = 0; y < state.rows; y += 1) {
      for (let x = 0; x < state.cols; x += 1) {
        if (!taken.has(`${x},${y}`) && n-- === 0) return { x, y };
      }
    }
    return null;
  }

  /** Queues a turn; turning straight back is ignored. At most two turns wait, so quick taps are not lost. */
  function turn(state, dir) {
    const last = state.queue.length ? state.queue[state.queue.length - 1] : state.dir;
    if (!DIRS[dir] || dir === last || dir === OPPOSITE[last] || state.queue.length >= 2) return state;
    state.queue.push(dir);
    return state;
  }

  /** Moves one cell: eats and grows, or ends the game on a wall or the snake's own body. */
  function step(state, random) {
    if (state.over) return state;
    if (state.queue.length) state.dir = state.queue.shift();
    const d = DIRS[state.dir];
    const head = { x: state.snake[0].x + d.x, y: state.snake[0].y + d.y };
    const eats = state.food && head.x === state.food.x && head.y === state.food.y;
    const body = eats ? state.snake : state.snake.slice(0, -1);
    const outside = head.x < 0 || head.y < 0 || head.x >= state.cols || head.y >= state.rows;
    if (outside || body.some((c) => c.x === head.x && c.y === head.y)) {
      state.over = true;
      return state;
    }
    state.snake = [head, ...body];
    state.grew = Boolean(eats);
    if (eats) {
      state.score += 1;
      state.food = placeFood(state, random);
      if (!state.food) state.over = true;
    }
    return state;
  }

  /** Milliseconds between steps: faster as the score grows. */
  function interval(score) {
    return Math.max(55, 150 - score * 4);
  }

  const api = { DIRS, create, placeFood, turn, step, interval };
  if (typeof module === 'object' && module.exports) module.exports = api;
  else root.Snake = api;
}(typeof self !== 'undefined' ? self : globalThis));

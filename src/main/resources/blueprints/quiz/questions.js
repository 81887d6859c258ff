'use strict';
// The questions: { q, choices, answer (index into choices), explain }. Also loadable from Node for tests.
(function (root) {
  const QUESTIONS = {{questionsJson|raw}};
  const TOPIC = {{topic}};

  /** The score of a list of picked choice indexes, in question order. */
  function score(questions, picks) {
    return questions.reduce((n, q, i) => n + (picks[i] === q.answer ? 1 : 0), 0);
  }

  const api = { QUESTIONS, TOPIC, score };
  if (typeof module === 'object' && module.exports) module.exports = api;
  else root.Quiz = api;
}(typeof self !== 'undefined' ? self : globalThis));

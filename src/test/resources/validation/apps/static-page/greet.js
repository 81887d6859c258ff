export function greet(element) {
  const hours = new Date().getHours();
  element.dataset.greeting = hours < 12 ? 'Good morning' : 'Good afternoon';
}

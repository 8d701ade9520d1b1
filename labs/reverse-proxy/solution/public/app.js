// The shop's script, served by the proxy at /static/app.js: it lists the products that the
// app behind /api/ returns.
const list = document.querySelector('.product-list');

async function showProducts() {
  const response = await fetch('/api/products');
  if (!response.ok) {
    list.textContent = `The API answered ${response.status}; try again in a moment.`;
    return;
  }
  const { items } = await response.json();
  list.replaceChildren(...items.map((item) => {
    const entry = document.createElement('li');
    entry.className = 'product';
    entry.innerHTML = `<strong></strong><div class="price"></div>`;
    entry.querySelector('strong').textContent = item.name;
    entry.querySelector('.price').textContent = `$${item.price.toFixed(2)}`;
    return entry;
  }));
}

if (list) showProducts();

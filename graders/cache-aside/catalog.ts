// The products of one grader run, chosen by the run's seed: random ids, names and prices, so
// an API that answers from a list it made up fails. Every check takes products no earlier
// check used, so cache entries left by one check never decide another.
import type { Product, ProductChanges } from '../../labs/cache-aside/services/product.ts';
import type { SeededRandom } from '../kit/seeded-random.ts';

const materials = ['Walnut', 'Brass', 'Linen', 'Enamel', 'Cork', 'Copper', 'Maple', 'Felt', 'Slate', 'Bamboo', 'Ceramic', 'Steel'];
const items = ['desk lamp', 'notebook', 'coffee mug', 'pen tray', 'bookend', 'plant pot', 'clock', 'coaster', 'letter opener', 'tote bag', 'monitor stand', 'candle holder'];

const catalogSize = 40;

export class Catalog {
  readonly products: readonly Product[];
  private readonly random: SeededRandom;
  private readonly ids: Set<number>;
  private next = 0;

  constructor(random: SeededRandom) {
    this.random = random;
    this.ids = new Set();
    const products: Product[] = [];
    while (products.length < catalogSize) {
      products.push({ id: this.unusedId(), name: this.name(), price: this.price() });
    }
    this.products = products;
  }

  /** A product no check has asked for yet. */
  fresh(): Product {
    const product = this.products[this.next];
    if (!product) throw new RangeError(`the catalog has only ${catalogSize} products and the checks asked for more`);
    this.next += 1;
    return { ...product };
  }

  /** An id the database does not have. */
  unknownId(): number {
    return this.unusedId();
  }

  /** A new name and price, both different from the product's. */
  changesFor(product: Product): Required<ProductChanges> {
    let name = this.name();
    while (name === product.name) name = this.name();
    let price = this.price();
    while (price === product.price) price = this.price();
    return { name, price };
  }

  private unusedId(): number {
    let id = this.random.int(1000, 99_999);
    while (this.ids.has(id)) id = this.random.int(1000, 99_999);
    this.ids.add(id);
    return id;
  }

  private name(): string {
    return `${this.random.pick(materials)} ${this.random.pick(items)}`;
  }

  private price(): number {
    return this.random.int(199, 19_999) / 100;
  }
}

import { afterEach, describe, expect, test } from 'vitest';
import { ProductDatabase } from '../../../labs/cache-aside/services/product-database.ts';

const products = [
  { id: 41, name: 'Cork coaster', price: 4.5 },
  { id: 42, name: 'Brass clock', price: 80 },
];

let database: ProductDatabase | undefined;
afterEach(async () => {
  await database?.stop();
  database = undefined;
});

async function start(): Promise<ProductDatabase> {
  database = await ProductDatabase.start({ products });
  return database;
}

async function put(db: ProductDatabase, path: string, body: string): Promise<{ status: number; json: unknown }> {
  const response = await fetch(`${db.url}${path}`, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body });
  return { status: response.status, json: await response.json() };
}

describe('the product database of the cache-aside lab', () => {
  test('answers a product as JSON and counts every read of its id', async () => {
    const db = await start();
    const response = await fetch(`${db.url}/products/42`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(await response.json()).toEqual({ id: 42, name: 'Brass clock', price: 80 });
    await fetch(`${db.url}/products/42`);
    expect(db.reads(42)).toBe(2);
    expect(db.reads(41)).toBe(0);
  });

  test('answers 404 with an error for an id it does not have, and counts that read too', async () => {
    const db = await start();
    const response = await fetch(`${db.url}/products/7`);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: 'no product with id 7' });
    expect(db.reads(7)).toBe(1);
  });

  test('applies a PUT to the row and answers the updated product', async () => {
    const db = await start();
    expect(await put(db, '/products/41', '{"price": 5.25}')).toEqual({ status: 200, json: { id: 41, name: 'Cork coaster', price: 5.25 } });
    expect(db.product(41)).toEqual({ id: 41, name: 'Cork coaster', price: 5.25 });
    expect(db.writes(41)).toBe(1);
  });

  test('refuses a PUT body that is not a product change, saying what it expected', async () => {
    const db = await start();
    const bad = await put(db, '/products/41', '{"colour": "red"}');
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.json)).toContain('the field \\"colour\\" has the value \\"red\\"; expected a JSON object with \\"name\\"');
    expect((await put(db, '/products/41', 'price=3')).status).toBe(400);
    expect(db.product(41)?.price).toBe(4.5);
  });

  test('answers 404 to a PUT of an unknown id', async () => {
    const db = await start();
    expect((await put(db, '/products/9', '{"name": "Lamp"}')).status).toBe(404);
  });

  test('fails reads of one product with the injected status until healed', async () => {
    const db = await start();
    db.failReads(42, { kind: 'status', status: 503 });
    expect((await fetch(`${db.url}/products/42`)).status).toBe(503);
    expect((await fetch(`${db.url}/products/41`)).status).toBe(200);
    db.heal(42);
    expect((await fetch(`${db.url}/products/42`)).status).toBe(200);
  });

  test('shows a change made with update() to the next read', async () => {
    const db = await start();
    db.update(42, { name: 'Steel clock' });
    expect(await (await fetch(`${db.url}/products/42`)).json()).toEqual({ id: 42, name: 'Steel clock', price: 80 });
    expect(() => db.update(5, { name: 'x' })).toThrow('the database has no product 5 to update');
  });

  test('keeps the old row for reads while a held write waits, and applies the write once released', async () => {
    const db = await start();
    const release = db.hold(42, 'writes');
    const writing = put(db, '/products/42', '{"price": 1}');
    expect(await db.waitForWrites(42, 1, 2000)).toBe(true);
    expect(await (await fetch(`${db.url}/products/42`)).json()).toEqual({ id: 42, name: 'Brass clock', price: 80 });
    release();
    expect((await writing).json).toEqual({ id: 42, name: 'Brass clock', price: 1 });
    expect(db.product(42)?.price).toBe(1);
  });

  test('counts held reads at once and answers them only after release', async () => {
    const db = await start();
    const release = db.hold(41, 'reads');
    let answered = false;
    const reading = fetch(`${db.url}/products/41`).then((response) => {
      answered = true;
      return response.json();
    });
    const other = await fetch(`${db.url}/products/42`);
    expect(other.status).toBe(200);
    expect(db.reads(41)).toBe(1);
    expect(answered).toBe(false);
    release();
    expect(await reading).toEqual({ id: 41, name: 'Cork coaster', price: 4.5 });
  });

  test('answers 404 for other paths and 405 for other methods', async () => {
    const db = await start();
    expect((await fetch(`${db.url}/`)).status).toBe(404);
    const response = await fetch(`${db.url}/products/42`, { method: 'DELETE' });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, PUT');
  });
});

// Selling through the generated TypeScript client against the real API: an invoice priced by the server, a payment
// retried under its Idempotency-Key (taken once), a payment without a key refused by name, an overpayment refused.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import {
  ApiException,
  AuthClient,
  ClientsClient,
  InvoicesClient,
  PaymentMethodsClient,
  PaymentsClient,
  PriceListItemsClient,
  PriceListsClient,
  ReceivablesClient,
  bearer,
  problemOf,
} from "../dist/index.js";
import { adminPassword, startApi, type RunningApi } from "./api.js";

let api: RunningApi;
let accessToken: string | undefined;
const http = bearer(() => accessToken);

before(async () => {
  api = await startApi();
  accessToken = (await new AuthClient(api.baseUrl, bearer(() => undefined)).createToken({ username: "admin", password: adminPassword })).accessToken;
});

after(async () => await api?.stop());

async function refused(call: Promise<unknown>, status: number): Promise<ApiException> {
  try {
    await call;
  } catch (error) {
    assert.ok(error instanceof ApiException, `expected an ApiException, got ${String(error)}`);
    assert.equal(error.status, status, error.response);
    return error;
  }
  assert.fail(`expected a ${status}, but the call succeeded`);
}

test("an invoice is priced by the server and a payment retried under its key is taken once", async () => {
  const lists = new PriceListsClient(api.baseUrl, http);
  const list = await lists.create(undefined, { name: "TypeScript counter" });
  const group = await lists.createGroup(list.id, undefined, { name: "Files" });
  const file = await new PriceListItemsClient(api.baseUrl, http).create(list.id, undefined, {
    groupId: group.id, code: "FILE", description: "Digital file", type: "digital", price: 1999,
  });
  const client = await new ClientsClient(api.baseUrl, http).create(undefined, { firstName: "Tay", lastName: "Script" });
  const invoices = new InvoicesClient(api.baseUrl, http);

  const invoice = await invoices.create("ts-invoice-1", {
    clientId: client.id, priceListId: list.id, lines: [{ itemId: file.id, quantity: 3, discountPercent: "10" }],
  });
  // 3 × 19.99 = 59.97, less 10% (5.997, rounded once: 6.00) = 53.97; no tax is set.
  assert.equal(invoice.type, "reorder");
  assert.equal(invoice.subtotal, 5997);
  assert.equal(invoice.discountTotal, 600);
  assert.equal(invoice.total, 5397);
  assert.equal(invoice.balance, 5397);

  const cash = (await new PaymentMethodsClient(api.baseUrl, http).list("Cash", undefined, undefined, undefined, undefined, undefined)).items[0]!.id;
  const payments = new PaymentsClient(api.baseUrl, http);
  const paid = await payments.create(invoice.id, "ts-payment-1", { amount: 5000, methodId: cash });
  const again = await payments.create(invoice.id, "ts-payment-1", { amount: 5000, methodId: cash });
  assert.equal(again.id, paid.id, "the retry replays the first payment");
  assert.equal(again.invoiceBalance, 397);

  const keyless = await refused(payments.create(invoice.id, "", { amount: 100, methodId: cash }), 400);
  assert.deepEqual(problemOf(keyless)?.errors?.map((e) => e.name), ["Idempotency-Key"]);
  const overpaid = await refused(payments.create(invoice.id, "ts-payment-2", { amount: 398, methodId: cash }), 422);
  assert.equal(problemOf(overpaid)?.balance, 397);

  const read = await invoices.get(invoice.id);
  assert.equal(read.paid, 5000);
  const balance = await new ReceivablesClient(api.baseUrl, http).getClientBalance(client.id);
  assert.equal(balance.outstandingBalance, 397);
  const record = await new ClientsClient(api.baseUrl, http).get(client.id);
  assert.equal(record.flags.outstandingBalance, 397);
});

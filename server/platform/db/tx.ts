/** What a service needs of the database: a way to make its repository calls one transaction. */
export interface TxRunner {
  transaction<T>(fn: () => Promise<T>): Promise<T>;
}

// A stand-in for Prisma / Drizzle: every call is a database round trip.
export const db = {
  invoice: {
    findMany: async (_query?: unknown) => [] as { id: string; amount: number }[],
    create: async (_query: unknown) => ({ id: 'inv_1' }),
    update: async (_query: unknown) => ({ id: 'inv_1' }),
    delete: async (_query: unknown) => ({ id: 'inv_1' }),
  },
  user: {
    upsert: async (_query: unknown) => ({ id: 'user_1' }),
    delete: async (_query: unknown) => ({ id: 'user_1' }),
  },
  session: { deleteMany: async (_query: unknown) => ({ count: 0 }) },
};

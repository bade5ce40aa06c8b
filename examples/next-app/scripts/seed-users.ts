import { createClerkClient } from '@clerk/nextjs/server'

// ❌ A one-off seeding script with the development secret key pasted in: it is now in git history.
const clerk = createClerkClient({ secretKey: 'sk_test_Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4z7AbCdE' })

export async function seed() {
  for (const email of ['ada@example.com', 'grace@example.com']) {
    await clerk.users.createUser({ emailAddress: [email], password: crypto.randomUUID() })
  }
}

'use client'

import { useUser } from '@clerk/nextjs'

export function InvoiceForm({ action }: { action: (formData: FormData) => Promise<void> }) {
  const { user } = useUser()
  return (
    <form action={action}>
      <p>Signed in as {user?.primaryEmailAddress?.emailAddress}</p>
      <input name="amount" type="number" />
      <button type="submit">Create</button>
    </form>
  )
}

import { fileURLToPath } from 'node:url';

import rule from '../../src/rules/require-route-handler-auth.js';
import { ruleTester } from '../rule-tester.js';

// tests/fixtures/express: an app module (src/index.ts) that mounts router modules after only plumbing
// (`/invoices`, `/catalog`) or behind `requireAuth()` (`/admin`); `orphan.ts` is mounted nowhere.
const express = (path: string) => fileURLToPath(new URL(`../fixtures/express/${path}`, import.meta.url));
const noClerk = (path: string) => fileURLToPath(new URL(`../fixtures/express-no-clerk/${path}`, import.meta.url));

const INVOICE_ROUTES = `import { Router } from 'express'
import { createInvoice, deleteInvoice, listMyInvoices } from '../controllers/invoices.js'

const router = Router()
router.post('/', createInvoice)
router.delete('/:id', deleteInvoice)
router.get('/mine', listMyInvoices)

export default router
`;

ruleTester.run('require-route-handler-auth in Express router modules', rule, {
  valid: [
    {
      name: 'the same routes behind a guarded mount (app.use(path, requireAuth(), router))',
      filename: express('src/routes/admin.ts'),
      code: INVOICE_ROUTES,
    },
    {
      name: 'a router mounted nowhere the plugin can see: unknown, not reported',
      filename: express('src/routes/orphan.ts'),
      code: INVOICE_ROUTES,
    },
    {
      name: 'route middleware that may be a guard (requireAuth(), a project function) before the handler',
      filename: express('src/routes/invoices.ts'),
      code: `import { Router } from 'express'
import { requireAuth } from '@clerk/express'
import { shouldBeUser } from '../middleware.js'
import { createInvoice, deleteInvoice } from '../controllers/invoices.js'

const router = Router()
router.post('/', requireAuth(), createInvoice)
router.delete('/:id', shouldBeUser, deleteInvoice)
export default router
`,
    },
    {
      name: 'router.use(guard) before the routes',
      filename: express('src/routes/invoices.ts'),
      code: `import { Router } from 'express'
import { shouldBeUser } from '../middleware.js'
import { createInvoice } from '../controllers/invoices.js'

const router = Router()
router.use(shouldBeUser)
router.post('/', createInvoice)
export default router
`,
    },
    {
      name: 'a public catalogue read (an IIFE choosing the order is no work of its own)',
      filename: express('src/routes/catalog.ts'),
      code: `import { Router } from 'express'
import { db } from '../db.js'

export const catalogRouter = Router()
catalogRouter.get('/', async (req, res) => {
  const orderBy = (() => (req.query.sort === 'asc' ? { price: 'asc' } : { createdAt: 'desc' }))()
  res.json(await db.product.findMany({ orderBy }))
})
`,
    },
    {
      name: 'a handler that checks userId itself',
      filename: express('src/routes/invoices.ts'),
      code: `import { Router } from 'express'
import { listMyInvoices } from '../controllers/invoices.js'

const router = Router()
router.get('/mine', listMyInvoices)
export default router
`,
    },
    {
      name: 'a project without a Clerk Node SDK: not a Clerk app, not judged',
      filename: noClerk('src/routes/items.ts'),
      code: `import { Router } from 'express'
import { db } from '../db.js'

const router = Router()
router.post('/', async (req, res) => res.json(await db.invoice.create({ data: req.body })))
export default router
`,
    },
  ],
  invalid: [
    {
      name: 'imported controllers: a write with no session check, and a session read never checked',
      filename: express('src/routes/invoices.ts'),
      code: INVOICE_ROUTES,
      errors: [
        {
          messageId: 'missingAuth',
          data: { name: 'POST /invoices' },
          line: 5,
          suggestions: [
            {
              messageId: 'addRequireAuth',
              data: { name: 'POST /invoices' },
              output: `import { Router } from 'express'
import { createInvoice, deleteInvoice, listMyInvoices } from '../controllers/invoices.js'
import { requireAuth } from '@clerk/express'

const router = Router()
router.post('/', requireAuth(), createInvoice)
router.delete('/:id', deleteInvoice)
router.get('/mine', listMyInvoices)

export default router
`,
            },
          ],
        },
        {
          messageId: 'uncheckedAuth',
          data: { name: 'DELETE /invoices/:id' },
          line: 6,
          suggestions: [
            {
              messageId: 'addRequireAuth',
              data: { name: 'DELETE /invoices/:id' },
              output: `import { Router } from 'express'
import { createInvoice, deleteInvoice, listMyInvoices } from '../controllers/invoices.js'
import { requireAuth } from '@clerk/express'

const router = Router()
router.post('/', createInvoice)
router.delete('/:id', requireAuth(), deleteInvoice)
router.get('/mine', listMyInvoices)

export default router
`,
            },
          ],
        },
      ],
    },
    {
      name: 'an inline handler after plumbing middleware (express.json()) on a named-export router',
      filename: express('src/routes/catalog.ts'),
      code: `import express, { Router } from 'express'
import { db } from '../db.js'

export const catalogRouter = Router()
catalogRouter.post('/', express.json(), async (req, res) => {
  res.json(await db.invoice.create({ data: req.body }))
})
`,
      errors: [
        {
          messageId: 'missingAuth',
          data: { name: 'POST /catalog' },
          suggestions: [
            {
              messageId: 'addRequireAuth',
              data: { name: 'POST /catalog' },
              output: `import express, { Router } from 'express'
import { db } from '../db.js'
import { requireAuth } from '@clerk/express'

export const catalogRouter = Router()
catalogRouter.post('/', express.json(), requireAuth(), async (req, res) => {
  res.json(await db.invoice.create({ data: req.body }))
})
`,
            },
          ],
        },
      ],
    },
  ],
});

/** @type {import('next').NextConfig} */
const nextConfig = {
  // ❌ Next inlines `env` into every client bundle.
  env: {
    APP_NAME: 'Invoices',
    CLERK_SECRET_KEY: process.env.CLERK_SECRET_KEY,
  },
}

export default nextConfig

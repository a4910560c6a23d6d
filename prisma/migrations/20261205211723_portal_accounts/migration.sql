-- AlterTable
ALTER TABLE "SupplierUser" ADD COLUMN     "isAdmin" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "mustChangePassword" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "passwordChangedAt" TIMESTAMP(3);

-- Suppliers that already have portal accounts get an administrator of their own: the
-- oldest active account of each, so that the supplier can manage its colleagues.
UPDATE "SupplierUser" u SET "isAdmin" = true
WHERE u."active" AND u."id" = (
  SELECT f."id" FROM "SupplierUser" f
  WHERE f."supplierId" = u."supplierId" AND f."active"
  ORDER BY f."createdAt", f."id" LIMIT 1
);

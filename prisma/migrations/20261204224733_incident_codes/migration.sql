-- AlterTable
ALTER TABLE "ProcessInstance" ADD COLUMN     "incidentCode" TEXT;

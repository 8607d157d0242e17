// Backup, restore, merge and automatic backups: the public surface of features/backup.
export { default as BackupPanel } from './BackupPanel.vue';
export { default as AutomaticBackupsPanel } from './AutomaticBackupsPanel.vue';
export { default as MergePanel } from './MergePanel.vue';
export { useBackupStore } from './store';
export { takeAutomaticBackup, dailyBackupIfDue } from './automatic-backups';

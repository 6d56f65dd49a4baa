<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW">
<context>
    <name>SyncBadgeCache</name>
    <message>
        <location filename="../../desktop/ui/sync/sync_badges.py" line="107" />
        <source>Reading sync states</source>
        <translation>正在讀取同步狀態</translation>
    </message>
</context>
<context>
    <name>SyncIndicatorView</name>
    <message>
        <location filename="../../desktop/ui/sync/sync_indicator_view.py" line="146" />
        <source>Reading the sync state</source>
        <translation>正在讀取同步狀態</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/sync_indicator_view.py" line="173" />
        <source>Sync is paused: click to resume it.</source>
        <translation>同步已暫停：按一下即可繼續。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/sync_indicator_view.py" line="174" />
        <location filename="../../desktop/ui/sync/sync_indicator_view.py" line="229" />
        <source>Resume sync</source>
        <translation>繼續同步</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/sync_indicator_view.py" line="176" />
        <source>Sync runs in the background: click to pause it (transfers already under way finish first).</source>
        <translation>同步在背景執行：按一下即可暫停（進行中的傳輸會先完成）。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/sync_indicator_view.py" line="178" />
        <location filename="../../desktop/ui/sync/sync_indicator_view.py" line="229" />
        <source>Pause sync</source>
        <translation>暫停同步</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/sync_indicator_view.py" line="183" />
        <source>Sync: not set up</source>
        <translation>同步：尚未設定</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/sync_indicator_view.py" line="184" />
        <source>No sync destination yet: add one in Settings → Sync.</source>
        <translation>尚未設定同步目的地：請到「設定 → 同步」新增。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/sync_indicator_view.py" line="188" />
        <source>Sync is paused: nothing is uploaded or downloaded until you resume it.</source>
        <translation>同步已暫停：在您繼續之前，不會上傳或下載任何檔案。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/sync_indicator_view.py" line="189" />
        <source>Sync paused</source>
        <translation>同步已暫停</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/sync_indicator_view.py" line="191" />
        <source>%1 waiting</source>
        <translation>%1 個待同步</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/sync_indicator_view.py" line="194" />
        <source>Sync is running in the background.</source>
        <translation>同步正在背景執行。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/sync_indicator_view.py" line="195" />
        <source>Sync: %1 of %2</source>
        <translation>同步：%1／%2</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/sync_indicator_view.py" line="198" />
        <source>%1 failed</source>
        <translation>%1 個失敗</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/sync_indicator_view.py" line="201" />
        <source>Sync ran into a problem; it tries again on its own.</source>
        <translation>同步發生問題，稍後會自動重試。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/sync_indicator_view.py" line="202" />
        <source>Sync problem: %1</source>
        <translation>同步發生問題：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/sync_indicator_view.py" line="203" />
        <source>Sync problem</source>
        <translation>同步發生問題</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/sync_indicator_view.py" line="205" />
        <location filename="../../desktop/ui/sync/sync_indicator_view.py" line="208" />
        <source>Sync runs in the background.</source>
        <translation>同步在背景執行。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/sync_indicator_view.py" line="206" />
        <source>Sync: %1 waiting</source>
        <translation>同步：%1 個待同步</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/sync_indicator_view.py" line="209" />
        <source>Sync: up to date</source>
        <translation>同步：已是最新</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/sync_indicator_view.py" line="219" />
        <source>%1: %2 verified, %3 waiting, last run %4</source>
        <translation>%1：已驗證 %2 個，待同步 %3 個，上次執行 %4</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/sync_indicator_view.py" line="232" />
        <source>Sync now</source>
        <translation>立即同步</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/sync_indicator_view.py" line="236" />
        <source>Sync settings…</source>
        <translation>同步設定…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/sync_indicator_view.py" line="243" />
        <source>Syncing now</source>
        <translation>立即同步</translation>
    </message>
</context>
<context>
    <name>SyncLabels</name>
    <message>
        <location filename="../../desktop/ui/sync/labels.py" line="9" />
        <source>Amazon S3 or compatible (MinIO, R2)</source>
        <translation>Amazon S3 或相容服務（MinIO、R2）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/labels.py" line="10" />
        <source>Google Cloud Storage</source>
        <translation>Google Cloud Storage</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/labels.py" line="11" />
        <source>Azure Blob Storage</source>
        <translation>Azure Blob 儲存體</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/labels.py" line="15" />
        <source>Keep remote copies</source>
        <translation>保留雲端副本</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/labels.py" line="16" />
        <source>Mirror deletes</source>
        <translation>同步刪除</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/labels.py" line="20" />
        <source>Stored in this app (secrets store)</source>
        <translation>儲存在本程式（機密資料存放區）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/labels.py" line="21" />
        <source>The cloud tool's usual sources (profile, environment)</source>
        <translation>雲端工具的預設來源（設定檔、環境變數）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/labels.py" line="22" />
        <source>AZURE_STORAGE_CONNECTION_STRING environment variable</source>
        <translation>AZURE_STORAGE_CONNECTION_STRING 環境變數</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/labels.py" line="24" />
        <source>STORAGE_EMULATOR_HOST emulator (anonymous)</source>
        <translation>STORAGE_EMULATOR_HOST 模擬器（匿名）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/labels.py" line="29" />
        <source>Access key ID</source>
        <translation>存取金鑰 ID</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/labels.py" line="30" />
        <source>Secret access key</source>
        <translation>秘密存取金鑰</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/labels.py" line="31" />
        <source>Session token (optional)</source>
        <translation>工作階段權杖（選填）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/labels.py" line="32" />
        <source>Service account key (JSON)</source>
        <translation>服務帳戶金鑰（JSON）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/labels.py" line="33" />
        <source>Connection string</source>
        <translation>連接字串</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/labels.py" line="34" />
        <source>Account key</source>
        <translation>帳戶金鑰</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/labels.py" line="35" />
        <source>SAS token</source>
        <translation>SAS 權杖</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/labels.py" line="39" />
        <source>Rating</source>
        <translation>評分</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/labels.py" line="40" />
        <source>Favourite</source>
        <translation>最愛</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/labels.py" line="41" />
        <source>Tags</source>
        <translation>標籤</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/labels.py" line="45" />
        <source>The credentials were refused or are missing</source>
        <translation>憑證遭拒或尚未提供</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/labels.py" line="46" />
        <source>The bucket (or container) does not exist</source>
        <translation>儲存貯體（或容器）不存在</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/labels.py" line="47" />
        <source>The storage service cannot be reached</source>
        <translation>無法連線到儲存服務</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/labels.py" line="48" />
        <source>The test file did not arrive intact</source>
        <translation>測試檔案上傳後驗證不符</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/labels.py" line="49" />
        <source>This destination no longer exists</source>
        <translation>這個目的地已不存在</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/labels.py" line="50" />
        <source>The test failed</source>
        <translation>測試失敗</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/labels.py" line="54" />
        <source>Synced to every destination</source>
        <translation>已同步到所有目的地</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/labels.py" line="55" />
        <source>Waiting to sync</source>
        <translation>等待同步</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/labels.py" line="56" />
        <source>Sync failed; it will be retried</source>
        <translation>同步失敗，稍後會重試</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/labels.py" line="57" />
        <source>Changed here and elsewhere: see Settings → Sync</source>
        <translation>本機與其他電腦都修改過：請到「設定 → 同步」處理</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/labels.py" line="74" />
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/labels.py" line="74" />
        <source>No</source>
        <translation>否</translation>
    </message>
</context>
</TS>